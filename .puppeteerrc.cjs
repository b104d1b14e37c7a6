// Offline machines cannot download puppeteer's Chrome; the PDF stage finds a system Chromium instead
// (see src/render/pdf/find-browser.ts). Set PUPPETEER_SKIP_DOWNLOAD=0 to let puppeteer fetch its own.
module.exports = {
  skipDownload: process.env.PUPPETEER_SKIP_DOWNLOAD !== '0',
};
