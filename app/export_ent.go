package app

import (
	"slices"
	"strings"

	"golang.org/x/text/encoding/charmap"

	"rollcall/model"
)

// The charsets of the ENT's export: Windows-1252, what the ENT and French Excel write by
// default, or UTF-8 with a BOM.
const (
	CharsetWindows1252 = "windows-1252"
	CharsetUTF8        = "utf-8"
)

// ExportCharsets are the names --charset takes, the default first.
var ExportCharsets = []string{CharsetWindows1252, CharsetUTF8}

// entCharset is the charset an ENT export writes in ("" is the default, Windows-1252).
func entCharset(opts ExportOptions) string {
	switch strings.ToLower(strings.TrimSpace(opts.Charset)) {
	case "", CharsetWindows1252, "cp1252", "windows1252":
		return CharsetWindows1252
	case CharsetUTF8, "utf8":
		return CharsetUTF8
	}
	return ""
}

// entField is one column the admin can choose for the ENT's specific export: its --fields name
// and the header the ENT writes. A repeated field (classe, groupe) has a column per class or
// group, as many as the selection's user with the most needs.
type entField struct {
	Key, Header string
	value       func(u *model.User, x *exportRun, e *entRun) []string
	repeat      bool
}

// ENTFields lists the fields of the ENT's specific export, in the order the console shows them.
func ENTFields() []string {
	keys := make([]string, len(entFields))
	for i, f := range entFields {
		keys[i] = f.Key
	}
	return keys
}

// DefaultENTFields are the fields an ENT export has unless the admin chooses: the Éléa guide's
// list (Nom, Prénom, Profil, Identifiant, Classe), which Rollcall's ENT importer reads back,
// finding each user by their login.
var DefaultENTFields = []string{"nom", "prenom", "profil", "identifiant", "classe"}

// entProfiles are the profiles as the ENT names them in its exports.
var entProfiles = map[model.Profile]string{model.Student: "Élève", model.Teacher: "Enseignant", model.Parent: "Parent",
	model.Staff: "Personnel", model.Guest: "Invité"}

var entFields = []entField{
	{Key: "nom", Header: "Nom", value: func(u *model.User, _ *exportRun, _ *entRun) []string { return []string{u.LastName} }},
	{Key: "prenom", Header: "Prénom", value: func(u *model.User, _ *exportRun, _ *entRun) []string { return []string{u.FirstName} }},
	{Key: "profil", Header: "Profil", value: func(u *model.User, _ *exportRun, _ *entRun) []string { return []string{entProfiles[u.Profile]} }},
	{Key: "identifiant", Header: "Identifiant", value: func(u *model.User, _ *exportRun, _ *entRun) []string { return []string{u.Login} }},
	{Key: "identifiant-ent", Header: "Identifiant ENT", value: func(u *model.User, _ *exportRun, _ *entRun) []string {
		if u.Source != "ent" {
			return []string{""} // only the ENT's own ids are ENT ids
		}
		return []string{u.ExternalID}
	}},
	{Key: "classe", Header: "Classe", repeat: true, value: func(u *model.User, x *exportRun, _ *entRun) []string { return x.classNames(u) }},
	{Key: "groupe", Header: "Groupe", repeat: true, value: func(u *model.User, _ *exportRun, e *entRun) []string {
		names := make([]string, len(u.GroupIDs))
		for i, id := range u.GroupIDs {
			names[i] = e.groups[id].Name
		}
		return names
	}},
	{Key: "email", Header: "Email", value: func(u *model.User, _ *exportRun, _ *entRun) []string { return []string{u.Email} }},
	{Key: "date-naissance", Header: "Date de naissance", value: func(u *model.User, _ *exportRun, _ *entRun) []string {
		if u.BirthDate.IsZero() {
			return []string{""}
		}
		return []string{u.BirthDate.Time().Format("02/01/2006")}
	}},
	{Key: "uai", Header: "UAI", value: func(u *model.User, _ *exportRun, e *entRun) []string { return []string{e.schools.orgs[u.OrgID].Code} }},
	{Key: "ecole", Header: "Structure", value: func(u *model.User, _ *exportRun, e *entRun) []string { return []string{e.schools.orgs[u.OrgID].Name} }},
	{Key: "code-activation", Header: "Code d'activation", value: func(u *model.User, _ *exportRun, _ *entRun) []string {
		if u.Activated() {
			return []string{""}
		}
		return []string{model.FormatCode(u.ActivationCode)}
	}},
}

// parseENTFields finds the chosen fields by their name or their header (case, accents, spaces
// and punctuation do not matter: "Prénom", "date_naissance", "Date de naissance"); an unknown
// name is an *model.ExportOptionError listing the known ones. No fields is the default set.
func parseENTFields(names []string) ([]entField, error) {
	if len(names) == 0 {
		names = DefaultENTFields
	}
	var out []entField
	for _, name := range names {
		key := fieldKey(name)
		i := slices.IndexFunc(entFields, func(f entField) bool { return fieldKey(f.Key) == key || fieldKey(f.Header) == key })
		if i < 0 {
			return nil, &model.ExportOptionError{Option: "fields", Value: name, Known: ENTFields()}
		}
		out = append(out, entFields[i])
	}
	return out, nil
}

// fieldKey keeps the letters and digits of a field's name, folded.
func fieldKey(s string) string {
	var b strings.Builder
	for _, r := range model.Fold(s) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// entRun is what an ENT export prepared: its fields, the groups and the schools.
type entRun struct {
	fields  []entField
	groups  map[model.ID]model.Group
	schools *exportSchools
	cp1252  bool
	header  []string
}

func checkENT(opts ExportOptions) error {
	if entCharset(opts) == "" {
		return &model.ExportOptionError{Option: "charset", Value: opts.Charset, Known: ExportCharsets}
	}
	_, err := parseENTFields(opts.Fields)
	return err
}

// entShape is the ENT's "Export CSV spécifique": the fields the admin chose, in their order,
// under the headers the ENT writes, separated by semicolons, in Windows-1252 (or UTF-8). A value
// Windows-1252 cannot hold stops the export with an error naming the user, the column and the
// character: nothing is replaced behind the admin's back.
var entShape = exportShape{
	perClass: true,
	check:    checkENT,
	prepare: func(x *exportRun) error {
		fields, err := parseENTFields(x.opts.Fields)
		if err != nil {
			return err
		}
		e := &entRun{fields: fields, groups: map[model.ID]model.Group{}, cp1252: entCharset(x.opts) == CharsetWindows1252}
		gs, err := x.app.store.ListGroups(x.ctx)
		if err != nil {
			return err
		}
		for _, g := range gs {
			e.groups[g.ID] = g
		}
		e.schools, err = newExportSchools(x)
		x.platform = e
		return err
	},
	header: func(x *exportRun) []string {
		e := x.platform.(*entRun)
		e.header = e.header[:0]
		for _, f := range e.fields {
			n := 1
			switch f.Key {
			case "classe":
				n = max(1, x.perClass)
			case "groupe":
				n = max(1, x.perGroup)
			}
			for range n {
				e.header = append(e.header, f.Header)
			}
		}
		return e.header
	},
	row: func(dst []string, u *model.User, x *exportRun) []string {
		e := x.platform.(*entRun)
		for _, f := range e.fields {
			vals := f.value(u, x, e)
			if f.repeat {
				n := x.perClass
				if f.Key == "groupe" {
					n = x.perGroup
				}
				vals = append(vals, make([]string, max(1, n)-len(vals))...)
			}
			dst = append(dst, vals...)
		}
		if e.cp1252 {
			for i, v := range dst {
				if r, bad := notIn1252(v); bad {
					x.err = &model.ExportCellError{Login: u.Login, Column: e.header[i], Charset: CharsetWindows1252, Char: r}
					break
				}
			}
		}
		return dst
	},
}

// notIn1252 returns the first character of s that Windows-1252 cannot hold.
func notIn1252(s string) (rune, bool) {
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		if _, ok := charmap.Windows1252.EncodeRune(r); !ok {
			return r, true
		}
	}
	return 0, false
}
