import type { SkippedRowReason } from "../core/locateTable";
import type { PhoneDefect } from "../core/parse/phoneNumbers";
import type { UnitSource } from "../core/unitIdentity";
import type { ChaseEntry } from "../core/merge/chaseList";

/**
 * Every sentence Huizong shows people, in Simplified Chinese, in one place (ready for a second language).
 * Code keys on issue codes and failure codes; only this file turns them into words.
 */

/** 4月20日至26日, or 4月28日至5月2日 when the week crosses a month. */
export function weekText(start: string, end: string): string {
  const [, sm, sd] = start.split("-").map(Number);
  const [, em, ed] = end.split("-").map(Number);
  return sm === em ? `${sm}月${sd}日至${ed}日` : `${sm}月${sd}日至${em}月${ed}日`;
}

/** 2024年4月20日至26日, or 2024年12月28日至2025年1月3日: the command line names the year, a typo in it costs every date. */
export function weekWithYearText(start: string, end: string): string {
  const startYear = start.slice(0, 4);
  const endYear = end.slice(0, 4);
  if (startYear === endYear) return `${startYear}年${weekText(start, end)}`;
  const [, sm, sd] = start.split("-").map(Number);
  const [, em, ed] = end.split("-").map(Number);
  return `${startYear}年${sm}月${sd}日至${endYear}年${em}月${ed}日`;
}

const quote = (text: string) => `“${text}”`;

/** Where a unit's name was read from, as said after the name: 高新区（取自文件名）. */
export const unitSourceText: Record<UnitSource, string> = { field: "单位名称", title: "表格标题", "file-name": "文件名" };

const skippedRowKind: Record<SkippedRowReason, string> = {
  section: "分组标题",
  example: "填写示例",
  subtotal: "合计行",
  "repeated-header": "重复的表头",
};

/** A row of the table that is not an activity, as the report lists it: 第 6 行：分组标题“一、线下活动”，不是活动，未检查、不汇总. */
export function skippedRowText(skipped: { row: number; reason: SkippedRowReason; text: string }): string {
  const text = skipped.text.length > 30 ? `${skipped.text.slice(0, 30)}…` : skipped.text;
  return `第 ${skipped.row} 行：${skippedRowKind[skipped.reason]}${quote(text)}，不是活动，未检查、不汇总。`;
}

/** The unit as a report names it; one named by the title or the file name says so: 高新区（取自文件名）. */
export function unitLabel(found: { unit: string | null; unitSource: UnitSource | null }): string | null {
  if (found.unit === null) return null;
  return found.unitSource === null || found.unitSource === "field" ? found.unit : `${found.unit}（取自${unitSourceText[found.unitSource]}）`;
}

/** What is wrong with a number, by China's numbering plan: the clause after “电话“…”” in the message. */
function phoneDefectText(defect: PhoneDefect): string {
  switch (defect.kind) {
    case "mobile-length":
      return `像是手机号码，但有 ${defect.digits} 位，手机号码应为 11 位`;
    case "mobile-prefix":
      return "有 11 位，但手机号码应以 13-19 开头";
    case "area-local-length":
      return `的区号 ${defect.areaCode} 后是 ${defect.digits} 位号码，${defect.areaCode} 后应为 ${defect.expected} 位`;
    case "local-leading-digit":
      return defect.areaCode
        ? `的区号 ${defect.areaCode} 后的号码以 ${defect.digit} 开头，座机号码不以 0 或 1 开头`
        : `以 ${defect.digit} 开头，不是座机号码（座机号码不以 0 或 1 开头）`;
    case "local-length":
      return `是 ${defect.digits} 位，不带区号的座机号码应为 7-8 位`;
    case "unknown-area-code":
      return `以 ${defect.prefix} 开头，不是有效的区号`;
    case "service-length":
      return `是 ${defect.prefix} 号码，但有 ${defect.digits} 位，${defect.prefix} 号码应为 10 位`;
  }
}

export const issueMessages = {
  columnMissing: (column: string) => `表中缺少${quote(column)}列：请按模板在表头补上这一列，再逐行填写。`,
  unitMissing: (guess: { name: string; source: UnitSource } | null) =>
    "未填写单位名称：请在表格上方“单位名称：”后填写本单位全称。" +
    (guess ? `（汇总时暂按${unitSourceText[guess.source]}认作${quote(guess.name)}。）` : ""),
  fillDateMissing: () => "未填写填表时间：请在“填表时间：”后填写日期，如 2024年4月10日。",
  fillDateInvalid: (text: string) => `填表时间${quote(text)}不是日期：请写作 2024年4月10日 或 2024/4/10。`,
  noRows: () => "表中没有填写任何活动：请在表头下方逐行填写本单位的重点活动。",
  kindAmbiguous: () => "无法判断是附件1（市级层面）还是附件2（区级层面），已按附件1检查：请使用通知所附模板。",
  extraTableIgnored: (sheet: string) =>
    `工作表${quote(sheet)}中也有活动，本次只读取了一张表：请把所有活动填在同一张表中。`,
  requiredMissing: (ref: string, column: string) => `${ref}：${quote(column)}未填写，请补充。`,
  cellTooLong: (ref: string, column: string, length: number) =>
    `${ref}：${quote(column)}长达 ${length} 字，超过 Excel 单元格最多 32767 字的上限，请精简到 32767 字以内（详细材料可另附文件）。`,
  formulaError: (ref: string, column: string, text: string) =>
    `${ref}：${quote(column)}显示错误值${quote(text)}，请改为实际内容（不要用公式）。`,
  dateEmpty: (ref: string) => `${ref}：活动时间未填写，请填写宣传周内的具体日期，如 4月22日。`,
  dateNoDay: (ref: string, text: string) =>
    `${ref}：活动时间${quote(text)}没有写到具体哪一天，请写明日期，如 4月22日 或 4月20日-22日。`,
  dateDeadline: (ref: string, text: string, fragment: string) =>
    `${ref}：活动时间${quote(text)}${fragment.trim() === text.trim() ? "" : `中的${quote(fragment)}`}是期限或起止点，不是活动举办的日子：请写明活动实际在哪一天或哪几天，如 4月22日 或 4月20日-22日。`,
  dateImpossible: (ref: string, text: string, fragment: string) =>
    `${ref}：活动时间${quote(text)}中的${quote(fragment)}不是真实存在的日期，请核对月份和日期。`,
  dateUnrecognised: (ref: string, text: string) =>
    `${ref}：无法识别活动时间${quote(text)}，请写作 4月22日、2024/4/22 或 4月20日-22日。`,
  dateOutside: (ref: string, text: string, week: string) =>
    `${ref}：活动时间${quote(text)}不在宣传周（${week}）内，请改为宣传周内的日期。`,
  dateWrongYear: (ref: string, text: string, year: number) =>
    `${ref}：活动时间${quote(text)}不是${year}年，请改为${year}年宣传周内的日期。`,
  contactEmpty: (ref: string) => `${ref}：联系人未填写，请在同一格写上姓名和电话，如：王斌 13812345678。`,
  contactNoName: (ref: string, text: string) =>
    `${ref}：联系人${quote(text)}只有电话没有姓名，请在电话前写上联系人姓名，如：王斌 13812345678。`,
  contactNoPhone: (ref: string, text: string) =>
    `${ref}：联系人${quote(text)}缺少联系电话，请在姓名后写上手机或座机号码，如：王斌 021-23110863。`,
  contactPhoneMalformed: (ref: string, text: string, fragment: string, defect: PhoneDefect | undefined) =>
    defect
      ? `${ref}：联系人${quote(text)}中的电话${quote(fragment)}${phoneDefectText(defect)}，请核对后改正。`
      : `${ref}：联系人${quote(text)}中的电话${quote(fragment)}位数或格式不对，请核对：手机为11位；座机为区号加7-8位号码（区号010、02X后为8位）；400/800 号码为10位。`,
  contactPhonePlaceholder: (ref: string, text: string) =>
    `${ref}：联系人${quote(text)}的电话还没有写完整，请填写能打通的号码。`,
  headCountEmpty: (ref: string, column: string) =>
    `${ref}：${quote(column)}未填写，请填写人数（正整数），如 300 或 约300人。`,
  headCountInvalid: (ref: string, column: string, text: string) =>
    `${ref}：${quote(column)}${quote(text)}不是人数，请填写正整数，如 300、约300人 或 100-200。`,
  headCountNotPositive: (ref: string, column: string, text: string) =>
    `${ref}：${quote(column)}${quote(text)}须大于0，请填写实际参与人数。`,
} as const;

/** What a refused file is instead of a spreadsheet, in the clerk's words. */
export const looksLikeText = {
  pdf: "PDF 文档",
  image: "图片",
  archive: "压缩包，请解压后发送其中的表格",
  word: "Word 文档",
  powerpoint: "PowerPoint 演示文稿",
  ofd: "OFD 版式文件",
  opendocument: "OpenDocument 文档",
  rtf: "RTF 文档",
  text: "纯文本文件",
  html: "网页",
  email: "Outlook 邮件",
  numbers: "Apple Numbers 表格",
  xlsb: "Excel 二进制工作簿 .xlsb",
  mht: "单文件网页 .mht",
  zip64: "ZIP64 压缩包",
  quattro: "Quattro Pro 表格",
  other: "无法识别的文件",
} as const;

/** Why a returned file could not be read: said to the clerk, who will ask the unit to send it again. */
export const readFailureMessages = {
  "empty-file": "文件是空的（0 字节），请让报送单位重新发送。",
  "too-large": (limitMb: number) => `文件超过 ${limitMb} MB，不像是活动安排表，已跳过：请让报送单位只发送表格本身。`,
  "unpacked-too-large": "文件解压后过大，可能已损坏或不是正常的表格，已跳过。",
  "too-many-cells": "表格中的单元格过多，不像是活动安排表，已跳过：请让报送单位删去无关内容后重新发送。",
  "too-many-rows": (limit: number) =>
    `表中活动超过 ${limit} 条，超出每个文件的上限，已跳过：请让报送单位核对是否误贴了其他数据，或分成几个文件发送。`,
  encrypted: "文件设置了打开密码，无法读取：请让报送单位取消密码后重新发送。",
  corrupt: "文件已损坏，无法打开：请让报送单位重新保存后再发送。",
  "read-timeout": "文件读取超时，可能已损坏：请让报送单位重新保存后再发送。",
  "not-a-spreadsheet": (what: string) => `这不是表格文件（${what}）：请发送 Excel、WPS 或 LibreOffice 表格。`,
  "unsupported-format": (what: string) => `不支持这种格式（${what}）：请另存为 .xlsx 后再发送。`,
  "not-a-template": "文件中没有找到活动安排表（缺少“主办单位”“活动时间”等表头）：请使用通知所附模板填写。",
  "master-workbook": "这是 Huizong 生成的汇总表，不是单位报回的活动表，已跳过。",
  ignored: "临时文件或系统文件，已忽略。",
  "cannot-open": (reason: string) => `无法打开文件：${reason}`,
} as const;

export const cliMessages = {
  statusLabel: {
    ok: "通过",
    invalid: "有错误",
    unreadable: "无法读取",
    "not-a-template": "不是活动表",
    ignored: "已忽略",
  },
  kindLabel: { city: "附件1 市级层面", district: "附件2 区级层面" },
  severityLabel: { error: "错误", warning: "提醒" },
  skippedLabel: "跳过",
  fileHeading: (file: string, status: string) => `■ ${file}  【${status}】`,
  fileDetail: (kind: string, unit: string, sheet: string, rows: number) =>
    `  ${kind} · 单位：${unit} · 工作表：${sheet} · 活动 ${rows} 条`,

  unknownUnit: "（未填写）",
  summary: (files: number, ok: number, errors: number, warnings: number) =>
    `共检查 ${files} 个文件：${ok} 个通过；错误 ${errors} 处，提醒 ${warnings} 处。`,
  week: (week: string) => `宣传周：${week}`,
  noInput: "没有可读取的文件：请给出要检查的表格文件。",
  badWeek: (detail: string) => `宣传周日期有误：${detail}`,
  notADay: (flag: string, value: string) => `${flag} 的值${quote(value)}不是日期：请写作 2024-04-20`,
  endBeforeStart: (start: string, end: string, startGiven: boolean) =>
    startGiven
      ? `--end 的值 ${end} 早于 --start 的值 ${start}`
      : `--end 的值 ${end} 早于默认的宣传周开始日期 ${start}：请同时给出 --start`,
  longWeek: (days: number) => `宣传周长达 ${days} 天，请核对 --start/--end；确认无误请加 --force`,
  weekYearDiffers: (templateYear: number, weekYear: number) =>
    `这份表用的是 ${templateYear} 年宣传周的模板，而本次按 --start/--end 检查的是 ${weekYear} 年的宣传周：` +
    `表中的活动日期都会被判为不在宣传周内。请核对 --start/--end 的年份，或确认单位用的是不是本年度的模板。`,
  notASpreadsheetIgnored: "不是表格文件，已忽略。",
  masterIgnored: "这是 Huizong 生成的汇总表，不是报回的活动表：合并时会自动更新它。",
  pathNotFound: (file: string) => `找不到 ${file}：请检查文件或文件夹的名称和位置`,
  folderHasNoSpreadsheets: (folder: string) => `文件夹 ${folder} 中没有表格文件（.xlsx .xlsm .xls .et .ods .csv）`,
  cannotOpenPath: (file: string, reason: string) => `无法打开 ${file}：${reason}`,
  templateExists: (file: string) => `${file} 已存在，未覆盖：请换一个文件名；确认要覆盖它，请加 --force`,
  templateNotXlsx: (file: string) => `模板文件名应以 .xlsx 结尾：${file}。请换一个以 .xlsx 结尾的文件名；确认要用这个名字，请加 --force`,
  templateIsFolder: (file: string, example: string) => `-o 给出的 ${file} 是一个文件夹：请写上文件名，如 -o ${example}`,
  fileNotFound: (file: string) => `找不到文件：${file}`,
  notAFile: (file: string) => `不是文件：${file}`,
  usageError: (detail: string) => `用法有误：${detail}`,
  unknownOption: (option: string) => `不认识的选项 ${option}`,
  unknownCommand: (command: string, known: readonly string[]) => `不认识的命令 ${command}，可用的命令：${known.join("、")}`,
  didYouMean: (name: string) => `是否想用 ${name}？`,
  missingFiles: "缺少要处理的文件或文件夹",
  optionMissingValue: (option: string) => `选项 ${option} 后缺少取值`,
  missingOption: (option: string) => `缺少必需的选项 ${option}`,
  badKind: "--kind 只能是 city（附件1 市级层面）或 district（附件2 区级层面）",
  excessArguments: "多余的参数",
  templateTakesNoFiles: "template 命令后不用写文件名：要生成的文件请写在 -o 后，如 -o 附件1.xlsx",
  outputNeedsFlag: (file: string) => `缺少必需的选项 -o：要生成的文件请写在 -o 后，如 -o ${file}`,
  noCommand: (known: readonly string[]) => `请给出命令：${known.join("、")}`,
  badUsage: "命令写法有误",
  progress: (done: number, total: number) => `已处理 ${done}/${total} 个文件…`,
  seeHelp: "运行 huizong --help 查看用法。",
  cannotWrite: (file: string, reason: string) => `无法写入 ${file}：${reason}（若文件正在 Excel 或 WPS 中打开，请先关闭）。`,
  cannotRead: (file: string, reason: string) => `无法读取 ${file}：${reason}`,
  chaseNeedsRoster: (file: string) =>
    `要写催报清单 ${file}，需要应报单位名单：请用 --roster 给出名单（汇总表记住名单后，以后合并可不再给出）。`,
  chaseWritten: (file: string, units: number) =>
    units > 0 ? `催报清单已写入 ${file}：${units} 个单位，每个单位一段，可直接复制发送。` : `催报清单已写入 ${file}：各单位均已报送且无错误。`,
  templateWritten: (file: string, kind: string, week: string, unit: string | undefined) =>
    `已生成${kind}模板：${file}（宣传周 ${week}${unit ? `，单位：${unit}` : ""}）。可直接发给各单位填写。`,
  masterUnreadable: (file: string, reason: string) => `汇总表 ${file} 无法读取，未做任何改动：${reason}`,
  masterNotUpdatable: (file: string, reason: string) =>
    `汇总表 ${file} 无法更新，未做任何改动（${reason}）：请用 Excel 打开后另存为 .xlsx 再合并，或换一个新的汇总表文件名。`,
  masterNotXlsx: (file: string) => `汇总表须为 .xlsx 文件：${file}。请换一个以 .xlsx 结尾的文件名。`,
  rosterUnreadable: (file: string, reason: string) => `名单文件 ${file} 无法读取：${reason}`,
  rosterEmpty: (file: string) => `名单文件 ${file} 中没有单位：请每行写一个单位名称。`,
  internalError: "程序内部出错（这是 Huizong 的缺陷，请把下面的信息发给维护人员）：",
} as const;

/**
 * What `huizong merge` says to keep the master file safe: what it found before writing, why it refused, and what
 * the clerk can do (close the file, name another master, or confirm with --force).
 */
export const masterGuardMessages = {
  notAMaster: (file: string) =>
    `${file} 不是 Huizong 汇总表（没有 Huizong 的“活动汇总”表，也没有汇总设置），合并会改写这个工作簿。`,
  outputAmongInputs: (file: string) =>
    `${file} 既是 -o 指定的汇总表，又在要合并的文件之中，而且它不是 Huizong 汇总表（像是单位报回的表），合并会改写它。`,
  foreignSheet: (file: string, sheet: string) =>
    `${file} 中名为“${sheet}”的工作表不是 Huizong 写入的样子（自建的表，或表头被删改）：合并会用汇总结果替换这张表，其中原有内容将丢失。`,
  contentNotKept: (file: string, sheet: string, kinds: string) =>
    `${file} 的“${sheet}”表上有${kinds}：合并会重写这张表，这些内容将随之丢失（其他工作表及其图表、透视表等都会原样保留）。`,
  contentKinds: {
    drawings: "图表、图片或形状",
    notes: "批注",
    "pivot-tables": "数据透视表",
    tables: "另建的表格",
  },
  keyColumnMissing: (file: string) =>
    `${file} 的“活动汇总”缺少隐藏的“汇总标识”列（可能被删除了）：已按“报送单位”“层级”“来源文件”认出以前合并的行，` +
    "本次写入时会恢复这一列（隐藏），请勿删除。",
  openElsewhere: (file: string, owner: string) =>
    `${file} 似乎正在 Excel 或 WPS 中打开（旁边有 ${owner}）：此时写入可能失败，或在 Excel 中保存时覆盖合并结果。` +
    `请先在 Excel/WPS 中关闭它；若它并没有打开（${owner} 是上次异常退出留下的），可删除 ${owner}。`,
  refused: (file: string, problems: readonly string[]) =>
    [
      `汇总表 ${file} 未写入，未做任何改动：`,
      ...problems.map((problem) => `  · ${problem}`),
      "请先处理上述问题，或用 -o 另指定一个新的汇总表文件名；若确认仍要写入这个文件，请加上 --force 重新运行。",
    ].join("\n"),
  forced: (message: string) => `${message}（已按 --force 写入）`,
  warning: (message: string) => `提醒  ${message}`,
  outputSkipped: "这是本次 -o 指定的汇总表，不作为报回文件合并，已跳过。",
  waitingForLock: (file: string, holder: string) => `汇总表 ${file} 正由另一个合并（${holder}）更新，等它结束后继续…`,
  locked: (file: string, holder: string, lockFile: string) =>
    `汇总表 ${file} 正由另一个合并（${holder}）更新，等待超时，未做任何改动：请等那个合并结束后再运行。` +
    `若确认没有其他合并在运行，请删除 ${lockFile} 后重试。`,
  lockHolder: (pid: number, host: string, since: string) => `进程 ${pid}，计算机 ${host}，${since} 开始`,
  unknownLockHolder: "不明进程",
  changedMeanwhile: (file: string) =>
    `汇总表 ${file} 在本次合并期间被改动了（可能在 Excel 中保存过，或另一个合并写入了它）：为免丢失那些改动，本次结果未写入。` +
    "请关闭其他程序中的汇总表后重新运行合并。",
  isDirectory: (file: string, example: string) => `-o 给出的 ${file} 是一个文件夹，不是汇总表文件：请写上文件名，如 -o ${example}。`,
  notAFile: (file: string) => `-o 给出的 ${file} 不是普通文件：请换一个汇总表文件名。`,
  cannotOpen: (file: string, reason: string) => `汇总表 ${file} 无法打开（${reason}），未做任何改动：请检查文件权限，或用 -o 换一个汇总表文件名。`,
  folderMissing: (file: string, folder: string) => `汇总表 ${file} 所在的文件夹 ${folder} 不存在：请先建好这个文件夹，或换一个位置。`,
  fileSystemReasons: {
    EACCES: "没有权限",
    EPERM: "没有权限，或文件被其他程序占用",
    EBUSY: "文件被其他程序占用",
    ENOSPC: "磁盘空间不足",
    EDQUOT: "磁盘配额已满",
    EROFS: "磁盘是只读的",
    ENOENT: "找不到文件或文件夹",
    ENOTDIR: "路径中有一段不是文件夹",
    EISDIR: "这是一个文件夹",
    ELOOP: "快捷方式（符号链接）循环指向自己",
    EEXIST: "文件已存在",
    ENAMETOOLONG: "文件名或路径过长",
    EMFILE: "同时打开的文件过多，请稍后重试",
    ENFILE: "同时打开的文件过多，请稍后重试",
    EIO: "磁盘读写出错",
    EINVAL: "文件名无效",
    EXDEV: "不能跨磁盘移动文件",
    ETXTBSY: "文件被其他程序占用",
  } as Record<string, string>,
  /** A file system refusal without a known code: said without the system's English. */
  otherFileSystemReason: "操作系统拒绝了这次读写",
} as const;

/** Words of the merge and the master workbook. */
export const mergeMessages = {
  unitFromFile: (fileName: string) => `（未填单位名称：${fileName}）`,
  /** The warning on a merged return whose unit the roster does not know, with the closest roster name if any. */
  unitNotOnRoster: (unit: string, suggestion: string | undefined) =>
    suggestion === undefined
      ? `单位${quote(unit)}不在应报单位名单中：请核对单位名称，或把它加入名单。`
      : `单位${quote(unit)}不在应报单位名单中。是否为：${suggestion}？如是，请在名单中为该单位加上别名${quote(unit)}后重新合并。`,
} as const;

/** Words of the chase list (催报): the heading, the 催报 sheet, and one self-contained message per unit. */
export const chaseMessages = {
  sheetName: "催报",
  title: "催报清单",
  headers: ["单位", "情况", "需要修改的内容", "可复制的催报文字"],
  statusLabel: { missing: "未报送", "has-errors": "需修改" },
  counts: (mergedAt: string, missing: number, withErrors: number) =>
    `催报清单（${mergedAt} 汇总）：未报送 ${missing} 个单位，需修改 ${withErrors} 个单位`,
  allClear: (mergedAt: string) => `催报清单（${mergedAt} 汇总）：所有应报单位均已报送，且没有需要修改的内容，无需催报。`,
  greeting: (unit: string) => `${unit}：您好！`,
  missing: (week: string) => `贵单位尚未报送知识产权宣传周（${week}）重点活动安排表，请尽快按通知附件填写报送。`,
  toFix: (week: string, file: string | null, count: number) =>
    `贵单位报送的知识产权宣传周（${week}）重点活动安排表${file ? `（${file}）` : ""}有以下 ${count} 处需要修改，请改正后重新报送：`,
  toCheck: (week: string, file: string | null) =>
    `贵单位报送的知识产权宣传周（${week}）重点活动安排表${file ? `（${file}）` : ""}需要修改，请核对后重新报送。`,
  closing: "如有疑问请与市知识产权联席会议办公室联系。",
} as const;

/** The heading of a chase list: when the merge ran and how many units to chase of each kind. */
export function chaseHeading(entries: readonly ChaseEntry[], mergedAt: string): string {
  const missing = entries.filter((entry) => entry.status === "missing").length;
  return entries.length === 0 ? chaseMessages.allClear(mergedAt) : chaseMessages.counts(mergedAt, missing, entries.length - missing);
}

/**
 * One unit's message, whole in itself so the clerk can copy it alone into an e-mail or WeChat. `week` as weekText
 * writes it (4月20日至26日).
 */
export function chaseBlock(entry: ChaseEntry, week: string): string {
  const body =
    entry.status === "missing"
      ? [chaseMessages.missing(week)]
      : entry.problems.length === 0
        ? [chaseMessages.toCheck(week, entry.file)]
        : [chaseMessages.toFix(week, entry.file, entry.problems.length), ...entry.problems.map((problem, i) => `${i + 1}. ${problem}`)];
  return [chaseMessages.greeting(entry.unit), ...body, chaseMessages.closing].join("\n");
}

/**
 * The chase list as plain text to paste into e-mail or WeChat: the heading, then one block per unit separated by a
 * blank line. `mergedAt` as mergedAtText writes it (2024年4月15日 10:30).
 */
export function chaseText(entries: readonly ChaseEntry[], week: string, mergedAt: string): string {
  return [chaseHeading(entries, mergedAt), ...entries.map((entry) => chaseBlock(entry, week))].join("\n\n");
}

/** The Chinese summary `huizong merge` prints. */
export const mergeReportText = {
  heading: (output: string) => `合并到 ${output}：`,
  action: { added: "新增", replaced: "替换", superseded: "被较新文件取代", rejected: "拒收", ignored: "已忽略" },
  rows: (rows: number) => ` · ${rows} 条活动`,
  errors: (errors: number) => `（有错误 ${errors} 处，已写入“校验结果”）`,
  fileSummary: (files: number, added: number, replaced: number, superseded: number, rejected: number, ignored: number) =>
    `共 ${files} 个文件：新增 ${added} 个，替换 ${replaced} 个，被取代 ${superseded} 个，拒收 ${rejected} 个，忽略 ${ignored} 个。`,
  rowSummary: (rowsIn: number, written: number, replaced: number, kept: number, total: number, problems: number) =>
    `读入活动 ${rowsIn} 条${rowsIn > written ? `（其中 ${rowsIn - written} 条来自被取代的文件，未写入）` : ""}，写入 ${written} 条；` +
    `替换旧行 ${replaced} 条，保留原有 ${kept} 条；汇总表现有 ${total} 条，其中 ${problems} 条有问题（已标色）。`,
  rosterSummary: (expected: number, submitted: number, withErrors: string[], missing: string[], unknown: string[]) =>
    [
      `名单 ${expected} 个单位：已报送 ${submitted} 个，有错误 ${withErrors.length} 个，未报送 ${missing.length} 个。`,
      withErrors.length > 0 ? `有错误：${withErrors.join("、")}` : "",
      missing.length > 0 ? `未报送：${missing.join("、")}` : "",
      unknown.length > 0 ? `不在名单中：${unknown.join("、")}` : "",
    ]
      .filter((line) => line !== "")
      .join("\n"),
} as const;

/** Words written into the master workbook. */
export const masterText = {
  title: "知识产权宣传周重点活动汇总表",
  creator: "汇总 Huizong",
  statusHeaders: ["单位", "报送情况", "活动条数", "有问题的条数", "来源文件", "备注", "别名"],
  /** Starts a 校验结果 line that is a warning, not an error (errors come first in the cell). */
  warningMark: "提醒：",
  warningLine: (message: string) => `提醒：${message}`,
  /** A message naming a cell (G6：…) as it reads in the master: the cell is in the unit's own file. */
  inReturnedFile: (message: string) => message.replace(/^([A-Z]{1,3}\d+)：/, "原表 $1："),
  /** The master's printed page header: the title and when it was merged. */
  pageHeader: (mergedAt: string) => `&C&"黑体,常规"&14知识产权宣传周重点活动汇总表&"宋体,常规"&12（${mergedAt} 汇总）`,
  pageFooter: "&C&12第 &P 页 共 &N 页",
  statusTitle: (mergedAt: string) => `报送情况（${mergedAt} 汇总）`,
  statusCounts: (counts: Record<"submitted" | "has-errors" | "missing" | "not-on-roster", number>, expected: number) =>
    `应报 ${expected} 个单位：未报送 ${counts.missing} 个，有错误 ${counts["has-errors"]} 个，已报送 ${counts.submitted} 个` +
    (counts["not-on-roster"] > 0 ? `；另有 ${counts["not-on-roster"]} 个单位不在名单中` : "") +
    "。未报送、有错误的单位请催报（见“催报”表）。",
  suggestion: (name: string) => `是否为：${name}？`,
  statusLabel: { submitted: "已报送", "has-errors": "有错误", missing: "未报送", "not-on-roster": "不在名单中" },
  /** Ends a text cut to fit one Excel cell, so nobody takes the cut text for the whole. */
  truncated: (length: number) => `……（原文共 ${length} 字，超出 Excel 单元格上限，以下已截断）`,
} as const;

/** When a merge ran, as the master prints it: 2024年4月15日 10:30 (the clerk's own clock). */
export function mergedAtText(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日 ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Words of the consolidated 附件1汇总 / 附件2汇总 sheets, the tables the office forwards. */
export const consolidatedText = {
  headers: { number: "序号" },
  unitHeading: (number: string, unit: string, rows: number) => `${number}、${unit}（${rows}项）`,
  noRows: "（暂无可列入的活动）",
  count: (rows: number, units: number) => `以上共 ${units} 个单位、${rows} 项活动。`,
  leftOut: (rows: number, column: string) =>
    `另有 ${rows} 项活动因存在问题未列入本表，见“活动汇总”表的“${column}”列；改正并重新合并后即可列入。`,
  problemsIncluded: "本表含有尚存问题的活动，转发前请核对“活动汇总”表的“校验结果”。",
} as const;

/** `huizong export`: the consolidated tables as a workbook of their own. */
export const exportText = {
  title: "知识产权宣传周重点活动汇总表（附件格式）",
  creator: "汇总 Huizong",
  notAMaster: (file: string) => `${file} 不是 Huizong 的汇总表（没有“活动汇总”表）：请给出 huizong merge 生成的汇总表。`,
  nothing: (file: string) => `${file} 中还没有可导出的活动：请先用 huizong merge 合并各单位报回的表。`,
  exists: (file: string) => `${file} 已存在：为免覆盖，未写入。确要覆盖请加 --force，或换一个文件名。`,
  isFolder: (file: string) => `${file} 是文件夹：-o 请给出要写入的 .xlsx 文件名，如 ${file}/附件汇总.xlsx。`,
  notXlsx: (file: string) => `${file} 不是 .xlsx 文件名：导出的表格是 .xlsx 格式，请用 .xlsx 结尾的文件名（确要如此请加 --force）。`,
  written: (file: string, sheets: string) => `已导出到 ${file}：${sheets}。`,
  sheetLine: (name: string, rows: number) => `${name} ${rows} 项活动`,
  leftOut: (rows: number) => `另有 ${rows} 项活动因存在问题未列入（见汇总表“活动汇总”的“校验结果”；加 --all 可一并导出）。`,
} as const;

/** Words written into the template workbooks a clerk sends out. */
export const templateText = {
  creator: "汇总 Huizong",
  subject: (attachment: string) => `知识产权宣传周重点活动安排表（${attachment}）`,
  sheetName: (template: { attachment: string; level: string }) => `${template.attachment} ${template.level}层面`,
  guidance: (facts: { year: number; week: string; examples: string; required: string }) =>
    `填表说明：1. 活动时间须在宣传周（${facts.year}年${facts.week}）内，写到具体日期，如 ${facts.examples}；` +
    "2. 联系人请在同一格内写姓名和电话，如：王斌 13812345678；3. 活动规模填写人数，如 300、约300人；" +
    `4. ${facts.required}为必填；行数不够可在表格内插入行。`,
  checkTitle: "请核对",
  timePrompt: (week: string, examples: string) => `须在宣传周（${week}）内，写到具体日期，如 ${examples}。`,
  timeError: (week: string) => `这个日期不在宣传周（${week}）内。确需保留请点“是”，否则点“否”修改。`,
  headCountError: "活动规模应为人数（正整数），如 300，也可写“约300人”。确需保留请点“是”，否则点“否”修改。",
  unitPrompt: "填写本单位全称，如：上海市市场监督管理局。",
  fillDatePrompt: "填写填表日期，如 2024/4/10。",
} as const;

/** The command line's help, shown by `huizong --help` and `huizong <command> --help`. */
export const helpText = {
  program: "汇总：知识产权宣传周重点活动安排表的模板、检查与汇总",
  help: "显示帮助",
  helpCommand: "显示某个命令的帮助",
  titles: { "Usage:": "用法：", "Options:": "选项：", "Arguments:": "参数：", "Commands:": "命令：" } as Record<string, string>,
  validate: "检查各单位报回的活动安排表，逐格指出问题和改法",
  template: "生成附件1（市级层面）或附件2（区级层面）模板，可直接发给各单位填写",
  kind: "模板：city 为附件1（市级层面），district 为附件2（区级层面）",
  unit: "预先填好“单位名称”",
  templateOutput: "输出的 .xlsx 文件",
  merge: "把各单位报回的表合并到汇总表（已有汇总表时更新它）",
  masterOutput: "汇总表 .xlsx 文件：不存在则新建，存在则更新",
  roster: "应报单位名单（.txt 每行一个单位，或 .csv/.xlsx 第一列；其后各列为别名）",
  validateRoster: "应报单位名单：单位名称按名单中的全称显示（别名、简称都能认出）",
  files: "要检查的文件或文件夹（.xlsx .xlsm .xls .et .ods .csv）",
  json: "以 JSON 输出（仅输出一个 JSON 文档）",
  start: "宣传周开始日期，如 2024-04-20、2024/4/20 或 2024年4月20日；默认取模板中的设置，否则为 2024-04-20",
  end: "宣传周结束日期，写法同 --start；默认取模板中的设置，否则为 2024-04-26",
  version: "显示版本号",
  /** Placeholders in the usage lines, where commander would write [options], [command], <FILE...>. */
  optionsPlaceholder: "[选项]",
  commandPlaceholder: "[命令]",
  filesArgument: "文件或文件夹",
  dateValue: "日期",
  kindValue: "模板",
  unitValue: "单位名称",
  rosterValue: "名单文件",
  templateFileValue: "文件.xlsx",
  masterFileValue: "汇总表.xlsx",
  templateForce: "覆盖已有的文件，或写入不以 .xlsx 结尾的文件名；宣传周超过 31 天时确认无误",
  validateForce: "宣传周超过 31 天时确认无误",
  chase: "另把催报清单（未报送、有错误的单位，每个单位一段可直接复制的文字）写入此文本文件",
  chaseValue: "催报.txt",
  export: "把汇总表中的附件1汇总、附件2汇总单独导出为一个工作簿，可直接转发",
  exportMaster: "huizong merge 生成的汇总表",
  exportOutput: "导出的 .xlsx 文件",
  exportAll: "连同尚有问题（“校验结果”不为空）的活动一并导出",
  exportForce: "覆盖已有的文件，或写入不以 .xlsx 结尾的文件名",
  exportFileValue: "导出.xlsx",
  mergeForce:
    "确认写入：汇总表正在 Excel/WPS 中打开、不是 Huizong 汇总表，或含有合并后无法保留的内容（图表、数据透视表等）时，仍然写入；宣传周超过 31 天时确认无误",
} as const;

/** Starts every note Huizong adds, so that clearing removes its own notes and never the clerk's. */
const checkNoteHeading = "【汇总检查】";

/** Words the task pane writes into the clerk's workbook: the note Huizong leaves on a checked cell. */
export const excelText = {
  noteHeading: checkNoteHeading,
  note: (messages: readonly string[]) => `${checkNoteHeading}\n${messages.join("\n")}`,
} as const;
