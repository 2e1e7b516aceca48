// The ribbon's function file. The "汇总" button only opens the task pane (ShowTaskpane needs no code), but Office
// requires a FunctionFile with ribbon commands, and that page must call Office.onReady.
void Office.onReady();
