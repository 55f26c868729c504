// Package importers turns the roster files schools export into plain records with located
// errors. One entry point, Parse, reads every input of an import (files, folders, zips), detects
// each one's format, encoding and separator, and hands it to the format family that owns it:
//
//	ent        ONE / NÉO import files, French and English, one per profile   (format "ent")
//	           and the ENT's specific CSV export                              (format "ent-export")
//	be1d       Base Élèves 1er degré extractions                              (format "be1d")
//	sheet      publisher spreadsheet templates, XLSX or CSV                   (format "sheet")
//	oneroster  OneRoster 1.1 and 1.2 CSV sets, bulk and delta                 (format "oneroster")
//	sds        Microsoft School Data Sync v1 and v2.1 CSV sets                (formats "sds-v1", "sds-v2")
//
// Formats are a registry: each format package exports a roster.FormatSpec (name, default source,
// set or file detection, the kinds of file it reads, parser, preview), and formats.go lists them
// in detection order. Nothing else switches on a format's name; see README.md to add one.
//
// Detect answers the preview screen's question (which format, encoding, separator, headers)
// without reading everything. Shared low-level reading lives in importers/table, the result types
// in importers/roster; this package re-exports them so callers import one package.
//
// Nothing here touches storage or decides what an import changes: that is the sync's job, which
// gets a Batch, or an *Errors listing every problem (up to a cap) with its file, line as a
// spreadsheet shows it, column header and letter, value and rule.
package importers
