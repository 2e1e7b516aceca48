// The floor the merge is compared with: the one-line script a user could write to parse every return with the
// library the product reads them with, and nothing else. Run as a fresh `node bench/bareParse.cjs DIR`, so its
// time includes starting node and loading SheetJS, as the command line's does.
const fs = require("node:fs");
const path = require("node:path");
const XLSX = require("@e965/xlsx");

const dir = process.argv[2];
for (const name of fs.readdirSync(dir)) XLSX.read(fs.readFileSync(path.join(dir, name)), { type: "buffer" });
