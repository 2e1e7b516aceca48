/**
 * Every sentence the task pane shows, in Simplified Chinese (ready for a second language). Components take their
 * words from here and key on codes (host error codes, merge actions, roster statuses), never on text.
 * Where the command line already says a thing, the same words are reused from zhCN.ts.
 */
import type { HostErrorCode } from "../host/workbookHost";
import { cliMessages, masterText, mergeReportText, unitLabel, weekWithYearText } from "./zhCN";

/** A unit as a report or submission names it, and where the name came from. */
type NamedUnit = Parameters<typeof unitLabel>[0];

const quote = (text: string) => `“${text}”`;

/** 850 字节, 12.3 KB, 1.2 MB: sizes as the clerk's file manager shows them. */
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 错误 2 处、提醒 1 处; the parts that are zero are left out. */
function issueCounts(errors: number, warnings: number): string {
  return [errors > 0 ? `错误 ${errors} 处` : "", warnings > 0 ? `提醒 ${warnings} 处` : ""].filter(Boolean).join("、");
}

const hostErrors: Record<HostErrorCode, string> = {
  "busy-editing": "Excel 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再点一次。",
  "api-unsupported": "这个版本的 Excel 不支持这项操作：请更新 Excel，或改用 Microsoft 365 / Excel 网页版。",
  "sheet-protected": "工作表设有保护，无法写入：请先在“审阅”中撤销工作表保护，再试一次。",
  "payload-too-large": "一次要写入的内容过多，Excel 没有接受：请分几批选择文件，再分别合并。",
  "not-found": "找不到要操作的工作表或单元格，可能已被删除或改名：请重新检查后再试。",
  "master-not-updatable":
    "工作簿中已有“活动汇总”表，但它不是“汇总”生成的汇总表，所以未做任何改动：请把这张表改名后再合并。",
  "master-unreadable": "选择的汇总表无法读取，未做任何改动：请选择上次合并得到的 .xlsx 汇总表，或不选汇总表、新建一份。",
  unknown: "操作没有完成：请再试一次；如果仍然不行，请刷新页面（或关闭任务窗格后重新打开）。",
};

export const paneText = {
  title: "汇总 · 知识产权宣传周",
  week: (start: string, end: string) => `宣传周：${weekWithYearText(start, end)}`,
  weekWithYear: weekWithYearText,
  starting: "正在连接 Excel…",
  loadingSettings: "正在读取设置…",
  filesMode: "未在 Excel 中运行：在浏览器中处理文件，文件不会上传",
  excelFailed: "未能连接到 Excel：请关闭任务窗格后重新打开。",
  settingsLoadFailed: (why: string) => `未能读取工作簿中保存的设置，暂按默认宣传周处理。${why}`,
  tabListLabel: "功能",
  tabs: { template: "模板", check: "校验", merge: "汇总", settings: "设置" },
  statusLabel: "提示",
  dismiss: "关闭提示",
  hostErrors,
  kindLabel: cliMessages.kindLabel,
  severityLabel: cliMessages.severityLabel,

  template: {
    kindLabel: "模板",
    unitLabel: "单位名称（可不填）",
    unitHint: "填写后，模板中的“单位名称”已预先填好，适合发给某一个单位。",
    unitPlaceholder: "如：上海市市场监督管理局",
    rosterHint: "可从名单中选择，也可直接输入。",
    insert: "插入到当前工作簿",
    open: "新建模板工作簿",
    inserting: "正在插入模板…",
    opening: "正在新建模板工作簿…",
    inserted: (attachment: string, sheet: string) =>
      `已插入 ${attachment} 模板（工作表${quote(sheet)}），可直接发送给填报单位。`,
    opened: (attachment: string) => `已新建 ${attachment} 模板工作簿：请在新窗口中保存，再发送给填报单位。`,
    download: "下载模板",
    downloading: "正在生成模板…",
    downloaded: (fileName: string) => `已下载模板${quote(fileName)}，可直接发送给填报单位。`,
    rosterZip: "为名单中每个单位生成模板 (.zip)",
    zipping: "正在为名单中的每个单位生成模板…",
    zipped: (fileName: string, units: number) => `已下载${quote(fileName)}：内含 ${units} 个单位的模板，单位名称均已填好。`,
    weekNote: (week: string) => `模板中的填表说明和日期检查按宣传周 ${week} 生成，可在“设置”中修改。`,
  },

  check: {
    intro: "先在 Excel 中切换到要检查的工作表，再点“检查当前工作表”。有问题的单元格会在表中标出。",
    run: "检查当前工作表",
    checking: "正在检查…",
    clear: "清除标记",
    clearing: "正在清除标记…",
    cleared: (cells: number) => (cells > 0 ? `已清除 ${cells} 个单元格的标记。` : "表中没有需要清除的标记。"),
    sheetLine: (sheet: string, kind: string, unit: NamedUnit, rows: number) =>
      `工作表${quote(sheet)} · ${kind} · 单位：${unitLabel(unit) ?? cliMessages.unknownUnit} · 活动 ${rows} 条`,
    summary: (errors: number, warnings: number, rows: number) => {
      const found = [errors > 0 ? `${errors} 处错误` : "", warnings > 0 ? `${warnings} 处提醒` : ""].filter(Boolean);
      return `发现 ${found.join("、")}${rows > 0 ? `，涉及 ${rows} 行` : ""}`;
    },
    noProblems: "表中没有发现问题。",
    checkedRows: (rows: number) => `共检查了 ${rows} 条活动。`,
    marked: (cells: number, notes: boolean) =>
      cells === 0
        ? ""
        : notes
          ? `已在表中标出 ${cells} 个单元格（底色和批注）。`
          : `已在表中用底色标出 ${cells} 个单元格（这个版本的 Excel 不支持批注）。`,
    recheck: "改正后再点一次“检查当前工作表”，列表会随之更新。",
    issuesLabel: "发现的问题",
    tableGroup: "整张表",
    rowHeading: (row: number, name: string) => (name ? `第 ${row} 行  重点活动：${name}` : `第 ${row} 行  （未填写活动名称）`),
    goToCell: (address: string) => `选中单元格 ${address}`,
    notATemplate: (sheet: string) =>
      `工作表${quote(sheet)}中没有找到活动安排表（缺少“主办单位”“活动时间”等表头）。请切换到单位报回的活动表后再检查；要发给单位填写的新表，请在“模板”中插入。`,
    filesIntro: "选择各单位报回的文件，逐个检查，按文件列出有问题的单元格。文件只在本机读取，不会上传。",
    filesRun: "检查文件",
    fileInputLabel: "要检查的文件",
    filesCancelled: "已取消检查。",
    loadFailed: "读取文件的组件没有加载成功：请刷新页面（或关闭任务窗格后重新打开），再试一次。",
    filesSummary: (files: number, errors: number, warnings: number) => {
      const found = [errors > 0 ? `${errors} 处错误` : "", warnings > 0 ? `${warnings} 处提醒` : ""].filter(Boolean);
      return `共检查 ${files} 个文件，${found.length > 0 ? `发现 ${found.join("、")}` : "没有发现问题"}。`;
    },
    filesHeading: "各文件的检查结果",
    fileStatus: { ok: "通过", invalid: "有错误", unreadable: "无法读取", "not-a-template": "不是活动表", ignored: "已忽略" },
    fileLine: (kind: string, unit: NamedUnit, rows: number) => `${kind} · 单位：${unitLabel(unit) ?? cliMessages.unknownUnit} · 活动 ${rows} 条`,
    fileIgnored: "临时文件或系统文件，未检查。",
    fileClean: (rows: number) => `没有发现问题，共检查了 ${rows} 条活动。`,
    fileIssuesLabel: (file: string) => `${file} 的问题`,
    filesRecheck: "改正后请重新选择文件再检查。",
    isMaster:
      "这是“汇总”生成的汇总表，不是单位报回的活动表：请切换到单位报回的工作表后再检查。汇总表中各行的问题写在“校验结果”列。",
  },

  merge: {
    intro: "选择各单位报回的文件，合并到本工作簿的“活动汇总”表；同一单位再次报送时，替换它以前的行。",
    pick: "选择报回文件…",
    fileInputLabel: "报回文件",
    drop: "也可以把文件拖到这里",
    noFiles: "还没有选择文件。可一次选择多个 Excel、WPS 或 LibreOffice 表格（.xlsx .xls .et .ods .csv）。",
    picked: (files: number) => `已选择 ${files} 个文件`,
    clearPicked: "清空",
    remove: (name: string) => `移除 ${name}`,
    fileSize,
    run: "合并到汇总表",
    filesIntro: "选择各单位报回的文件，合并成汇总表并下载；要更新已有的汇总表，请先选择它。同一单位再次报送时，替换它以前的行。",
    pickMaster: "选择当前汇总表…",
    masterInputLabel: "当前汇总表",
    masterNone: "未选择汇总表：将新建一份。",
    masterPicked: (name: string) => `将更新汇总表：${name}`,
    removeMaster: (name: string) => `不使用 ${name}`,
    filesRun: "合并并下载汇总表",
    writingFile: "正在生成汇总表…",
    newMasterFileName: "汇总表.xlsx",
    masterFileNotUpdatable:
      "选择的汇总表能读取，但无法在浏览器中写入（可能是用其他软件另存过的格式），未做任何改动：请在 Excel 中把它另存为 .xlsx 后再选择，或不选汇总表、新建一份。",
    mergedFile: (written: number, total: number, fileName: string) =>
      `已合并：写入 ${written} 条活动，“活动汇总”现有 ${total} 条。汇总表已下载为${quote(fileName)}。`,
    downloadedAs: (fileName: string) => `汇总表已下载为${quote(fileName)}，在浏览器的下载位置可以找到；要继续更新，下次合并前请选择它。`,
    reading: (current: number, total: number, name: string) => `正在读取 ${current}/${total}：${name}`,
    readingLabel: "读取进度",
    writing: "正在写入汇总表…",
    cancel: "取消",
    cancelled: "已取消，汇总表未改动。",
    merged: (written: number, total: number) => `已合并：写入 ${written} 条活动，“活动汇总”现有 ${total} 条。`,
    loadFailed: "读取文件的组件没有加载成功，汇总表未改动：请刷新页面（或关闭任务窗格后重新打开），再试一次。",
    resultHeading: "合并结果",
    stats: { files: "文件", written: "写入行", replaced: "替换旧行", rejected: "拒收文件" },
    rowSummary: mergeReportText.rowSummary,
    filesHeading: "各文件的结果",
    action: { added: "新增", replaced: "替换", superseded: "被取代", rejected: "拒收", ignored: "已忽略" },
    actionWhy: {
      added: "",
      replaced: "替换了该单位以前报送的行",
      superseded: "同一单位还有较新的文件，本文件未写入",
      rejected: "",
      ignored: "临时文件或系统文件",
    },
    fileDetail: (unit: NamedUnit, rows: number) => `${unitLabel(unit) ?? cliMessages.unknownUnit} · 活动 ${rows} 条`,
    issueCounts: (errors: number, warnings: number) => issueCounts(errors, warnings) || "没有发现问题",
    showIssues: (file: string) => `${file} 的问题`,
    rosterHeading: "报送情况",
    rosterStatus: masterText.statusLabel,
    rosterGroup: (label: string, units: number) => `${label}（${units} 个）`,
    unitFile: (file: string) => `来源文件：${file}`,
    unitRows: (rows: number, withErrors: number) =>
      withErrors > 0 ? `活动 ${rows} 条，其中 ${withErrors} 条有问题` : `活动 ${rows} 条`,
    unitMissing: "还没有收到这个单位报回的文件。",
    unitRejected: (file: string) => `文件${quote(file)}未能合并，需要重新报送。`,
    noRoster: "还没有设置应报单位名单，所以无法列出哪些单位没有报送：请在“设置”中添加名单或从文件导入，保存后再合并。",
    goToSettings: "前往设置",
    copyReminder: "复制催报文字",
    copied: "已复制催报文字，可粘贴到邮件或工作群中。",
    copyFailed: "无法自动复制：请在下面的文本框中选中全部文字后手动复制。",
    reminderLabel: "催报文字",
    nothingToChase: "名单中的单位都已报送，且没有发现错误。",
    reminder: (week: string, missing: readonly string[], withErrors: readonly string[]) =>
      [
        "各有关单位：",
        `知识产权宣传周（${week}）重点活动安排表的报送情况如下：`,
        missing.length > 0 ? `尚未报送（${missing.length} 个）：${missing.join("、")}。` : "",
        withErrors.length > 0 ? `报送的表格需要修改（${withErrors.length} 个）：${withErrors.join("、")}。` : "",
        [
          missing.length > 0 ? "请尚未报送的单位尽快报送" : "",
          withErrors.length > 0 ? "请需要修改的单位按反馈的问题修改后重新报送" : "",
        ]
          .filter(Boolean)
          .join("；") + "。",
        "谢谢配合！",
      ]
        .filter((line) => line !== "")
        .join("\n"),
    reminderUnitWithErrors: (unit: string, rows: number) => (rows > 0 ? `${unit}（${rows} 条活动有问题）` : `${unit}（文件无法使用）`),
  },

  settings: {
    weekHeading: "宣传周",
    weekHint: "检查“活动时间”时以这一周为准，新生成的模板也按这一周填写说明。",
    start: "开始日期",
    end: "结束日期",
    notSevenDays: (days: number) => `宣传周通常为 7 天，现在是 ${days} 天，请确认。`,
    notThisYear: (year: number) => `宣传周不在今年（${year}年），请确认年份。`,
    rosterHeading: "应报单位名单",
    rosterExplain: "名单保存在工作簿的“报送情况”表，命令行合并时也会使用。",
    rosterCount: (units: number) => `共 ${units} 个单位`,
    rosterEmpty: "名单是空的。添加单位后，合并时能列出哪些单位还没有报送。",
    rosterListLabel: "应报单位",
    aliasLine: (aliases: readonly string[]) => `别名：${aliases.join("、")}`,
    unitName: "单位名称",
    unitNamePlaceholder: "如：上海市商务委员会",
    aliases: "别名（可不填，用逗号分隔）",
    aliasesPlaceholder: "如：市商务委，商务委",
    add: "添加",
    remove: (unit: string) => `删除 ${unit}`,
    nameRequired: "请填写单位名称。",
    duplicate: "名单中已有这个单位。",
    import: "从文件导入…",
    importInputLabel: "名单文件",
    importHint: "可导入 .txt（每行一个单位，逗号后为别名）、.csv 或 .xlsx（第一列为单位名称，其后为别名）。",
    importing: "正在读取名单文件…",
    imported: (file: string, units: number) =>
      `已从${quote(file)}导入 ${units} 个单位，替换了原来的名单。请点“保存”。`,
    importFailed: (file: string) =>
      `无法读取名单文件${quote(file)}：请使用 .txt（每行一个单位）、.csv 或 .xlsx（第一列为单位名称）。`,
    importEmpty: (file: string) => `名单文件${quote(file)}中没有单位：请每行写一个单位名称。`,
    filesRosterExplain: "名单和宣传周保存在本浏览器中；换用其他电脑或浏览器时需要重新设置。",
    filesSaved: "已保存。宣传周和名单保存在本浏览器中。",
    save: "保存",
    saving: "正在保存…",
    saved: "已保存。名单保存在工作簿的“报送情况”表，命令行合并时也会使用。",
    unsaved: "有尚未保存的更改。",
    fixWeekFirst: "请先改正宣传周的日期，再保存。",
    aboutHeading: "关于",
    version: (version: string) => `汇总 Huizong ${version}`,
    privacy: "所有处理在本机完成，文件不会上传。",
  },
} as const;
