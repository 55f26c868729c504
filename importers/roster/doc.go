// Package roster owns what an import produces: the Batch of records, classes and orgs, and the
// Job that format packages fill while they read, which collects located errors, de-duplicates
// classes, spots duplicate ids, reports progress and honours cancellation.
//
// Package importers re-exports these types; format packages (ent, be1d, sheet, oneroster, sds)
// import this one, which is why it sits below them rather than in importers itself.
package roster
