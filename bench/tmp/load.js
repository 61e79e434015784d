const ExcelJS = require('exceljs');
new ExcelJS.Workbook().xlsx.load(require('fs').readFileSync(process.argv[2])).then(() => {});
