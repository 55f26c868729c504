// Package mailmerge turns accounts into what people receive: login cards printed from a PDF
// and account emails sent over SMTP.
//
// Cards: WritePDF renders a stream of Cards, 1, 2 or 8 per A4 or US Letter sheet, with cut
// marks, the texts of the card's language and, on cards still to activate, a QR code of the
// activation address. It streams: pages go to the writer as soon as they are rendered, on
// all cores, so 100,000 cards take a few seconds and a few tens of megabytes (see
// BenchmarkWritePDF100kCards8PerSheet). WritePDFSplit writes one file per group (a class).
//
// Emails: BuildAccountMessage fills a Message from the same Templates; NewSMTPMailer sends
// messages over one reused connection and classifies failures as *SendError (temporary or
// permanent), which Retry understands. Package smtptest is an in-process SMTP server for
// tests.
//
// Texts live in Templates: French and English defaults are embedded (DefaultTemplates) and
// an admin may override any of them (LoadTemplates, ParseTemplates). Broken templates are
// reported as *TemplateError with the file and line, never as a panic.
package mailmerge
