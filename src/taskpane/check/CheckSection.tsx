import { usePane } from "../paneContext";
import { FilesCheck } from "./FilesCheck";
import { SheetCheck } from "./SheetCheck";

/** 校验: the active sheet inside Excel; picked returned files in a browser. */
export const CheckSection = () => {
  const { host } = usePane();
  return host.kind === "excel" ? <SheetCheck host={host} /> : <FilesCheck />;
};
CheckSection.displayName = "CheckSection";
