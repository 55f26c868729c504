package i18n

import (
	"fmt"
	"strings"

	"rollcall/model"
)

// ImportersTexts are what the importers report beside row errors: warnings about references the
// files do not resolve, the files an import skipped, and the rules about dialects, encodings and
// limits.
type ImportersTexts struct {
	// Warning prefixes one warning: "warning: %s".
	Warning string
	// AndMoreWarnings ends a list of warnings cut short: "… and %s more warnings".
	AndMoreWarnings Noun
	// UnknownOrgRef and UnknownCourse say what a reference points at that the files lack.
	UnknownOrgRef, UnknownCourse string
	// BadEncoding and ControlChar say why a value is refused: a byte not in the file's encoding,
	// a control character.
	BadEncoding, ControlChar string
	// FieldCount says a delimited row's number of values is not its header's number of columns.
	FieldCount string
	// NotRegular, NotRoster, NotInSet and NothingToImport say why a file was not read.
	NotRegular, NotRoster, NotInSet, NothingToImport string
	// Skipped prefixes a file the import did not read: "skipped: %s".
	Skipped string
	// Strict and StrictHint are the console's option that --strict is.
	Strict, StrictHint string
}

func importersEN() ImportersTexts {
	return ImportersTexts{
		Warning:         "warning: %s",
		AndMoreWarnings: Noun{One: "… and %s more warning", Many: "… and %s more warnings"},
		UnknownOrgRef:   "refers to an organization the files do not define",
		UnknownCourse:   "refers to a course the files do not define",
		BadEncoding:     "this line is not in the file's encoding (a line pasted from another file?): save the whole file as UTF-8",
		ControlChar:     "a control character cannot be in a value",
		FieldCount:      "this row's number of values is not the header's number of columns (a separator too many or too few?)",
		NotRegular:      "not a regular file (a device or a pipe): never read",
		NotRoster:       "not a roster file",
		NotInSet:        "not used by this format",
		NothingToImport: "no file here is a roster",
		Skipped:         "skipped: %s",
		Strict:          "Strict references",
		StrictHint:      "Refuse the files when they refer to an organization, class, person or course they do not define (otherwise: a warning, and the row without that link)",
	}
}

func importersFR() ImportersTexts {
	return ImportersTexts{
		Warning:         "avertissement : %s",
		AndMoreWarnings: Noun{One: "… et %s autre avertissement", Many: "… et %s autres avertissements"},
		UnknownOrgRef:   "désigne un établissement que les fichiers ne définissent pas",
		UnknownCourse:   "désigne un cours que les fichiers ne définissent pas",
		BadEncoding:     "cette ligne n'est pas dans l'encodage du fichier (collée d'un autre fichier ?) : enregistrez tout le fichier en UTF-8",
		ControlChar:     "un caractère de contrôle ne peut pas figurer dans une valeur",
		FieldCount:      "le nombre de valeurs de cette ligne n'est pas celui des colonnes de l'en-tête (un séparateur en trop ou en moins ?)",
		NotRegular:      "pas un fichier ordinaire (un périphérique ou un tube) : jamais lu",
		NotRoster:       "pas un fichier d'annuaire",
		NotInSet:        "pas utilisé par ce format",
		NothingToImport: "aucun fichier ici n'est un annuaire",
		Skipped:         "ignoré : %s",
		Strict:          "Références strictes",
		StrictHint:      "Refuser les fichiers qui désignent un établissement, une classe, une personne ou un cours qu'ils ne définissent pas (sinon : un avertissement, et la ligne sans ce lien)",
	}
}

// Warnings formats an import's warnings, one a line, each marked as a warning: the rows were
// imported, without the link the sentence names.
func (c *Catalog) Warnings(ws *model.RowErrors) string {
	if ws == nil || ws.Len() == 0 {
		return ""
	}
	lines := make([]string, 0, len(ws.List)+1)
	for _, w := range ws.List {
		lines = append(lines, fmt.Sprintf(c.Importers.Warning, c.RowError(w)))
	}
	if ws.Omitted > 0 {
		lines = append(lines, c.Phrase(ws.Omitted, c.Importers.AndMoreWarnings))
	}
	return strings.Join(lines, "\n")
}

// Skipped formats the files an import did not read, one a line.
func (c *Catalog) Skipped(sk *model.RowErrors) string {
	if sk == nil || sk.Len() == 0 {
		return ""
	}
	lines := make([]string, 0, len(sk.List)+1)
	for _, s := range sk.List {
		lines = append(lines, fmt.Sprintf(c.Importers.Skipped, c.RowError(s)))
	}
	if sk.Omitted > 0 {
		lines = append(lines, c.Phrase(sk.Omitted, c.Import.AndMore))
	}
	return strings.Join(lines, "\n")
}
