package importers

import (
	"rollcall/importers/aaf"
	"rollcall/importers/be1d"
	"rollcall/importers/ent"
	"rollcall/importers/google"
	"rollcall/importers/oneroster"
	"rollcall/importers/roster"
	"rollcall/importers/sds"
	"rollcall/importers/sheet"
	"rollcall/importers/siecle"
	"rollcall/importers/sts"
)

// formats is the registry: every format Parse reads, in the order detection tries them and
// errors list them. Sets come first (a folder is tried as a set before its files stand alone);
// among one-file formats, the most distinctive headers come first and the ENT import files,
// which need only names, last. Registering a format is one line here.
var formats = []roster.FormatSpec{
	aaf.Spec,
	siecle.Spec,
	sts.Spec,
	oneroster.Spec,
	sds.V2,
	sds.V1,
	google.Spec,
	ent.ExportSpec,
	be1d.Spec,
	sheet.Spec,
	ent.Spec,
}

// spec returns the registered format called f.
func spec(f Format) (roster.FormatSpec, bool) {
	for _, s := range formats {
		if s.Format == f {
			return s, true
		}
	}
	return roster.FormatSpec{}, false
}

// Formats lists the formats Parse reads, in detection order: what --format accepts.
func Formats() []Format {
	out := make([]Format, len(formats))
	for i, s := range formats {
		out[i] = s.Format
	}
	return out
}

// KnownFormat reports whether f names a registered format.
func KnownFormat(f Format) bool {
	_, ok := spec(f)
	return ok
}

// KnownClassesOnly reports whether an import of format f refuses, by default, class and group
// codes the school does not have (files kept by hand, such as spreadsheet templates).
func KnownClassesOnly(f Format) bool {
	s, ok := spec(f)
	return ok && s.KnownClassesOnly
}

// SourceOf is the source an import of format f belongs to when the admin names none: the
// format's family ("sds" for both SDS versions), else the format's name.
func SourceOf(f Format) string {
	if s, ok := spec(f); ok && s.Source != "" {
		return s.Source
	}
	return string(f)
}

// IsSet reports whether format f comes as a set of files (a folder or a zip) read together,
// whose files name their organizations.
func IsSet(f Format) bool {
	s, ok := spec(f)
	return ok && s.Set()
}
