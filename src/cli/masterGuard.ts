import path from "node:path";
import { masterFileProblems } from "../files/masterFile";
import { masterGuardMessages as guard } from "../messages/zhCN";
import { MergeRefused, type ExistingMaster } from "./masterOutput";
import { ownerFilesOf } from "./outputTarget";

/** Something the clerk is told about the master before it is written: in --json, `masterWarnings`. */
export interface MasterWarning {
  code: "not-a-master" | "output-among-inputs" | "foreign-sheet" | "content-not-kept" | "key-column-missing" | "open-elsewhere";
  message: string;
}

interface Finding extends MasterWarning {
  needsConfirmation: boolean;
}

/**
 * Everything about the master that writing it would get wrong unasked, found before any return is read: a
 * workbook that is no master (a return named by mistake after -o, or -o among the inputs), sheets the merge would
 * replace, content the writer cannot keep, and the master open in Excel, WPS or LibreOffice. Without --force
 * any of these refuses the merge, all named in one message; with it, they are warnings in the report.
 */
export async function checkBeforeWriting(context: {
  existing: ExistingMaster;
  output: string;
  target: string;
  outputAmongInputs: boolean;
  force: boolean;
}): Promise<MasterWarning[]> {
  const { existing, output, target } = context;
  const findings: Finding[] = (existing.file ? masterFileProblems(existing.file) : []).map((problem) =>
    problem.code === "not-a-master" && context.outputAmongInputs
      ? { ...problem, code: "output-among-inputs", message: guard.outputAmongInputs(output) }
      : problem,
  );
  // Only an existing master can be open elsewhere; an owner file beside none is litter, harmless to the write.
  for (const owner of existing.file ? await ownerFilesOf([output, target]) : []) {
    findings.push({ code: "open-elsewhere", needsConfirmation: true, message: guard.openElsewhere(output, path.basename(owner)) });
  }
  const unconfirmed = findings.filter((finding) => finding.needsConfirmation);
  if (unconfirmed.length > 0 && !context.force) {
    const problems = unconfirmed.map(({ code, message }) => ({ code, message }));
    throw new MergeRefused(guard.refused(output, problems.map((problem) => problem.message)), "needs-force", problems);
  }
  return findings.map(({ code, message, needsConfirmation }) => ({ code, message: needsConfirmation ? guard.forced(message) : message }));
}
