package app

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"rollcall/model"
)

// exportTemplate is a text with {placeholders} (--email-template, --org-unit-template), parsed
// once per export: literal parts and the placeholders between them.
type exportTemplate struct {
	lits []string // len(keys)+1 literal parts around the placeholders
	keys []string
}

// parseExportTemplate reads a template, refusing a placeholder outside known (or an unclosed
// brace) as an *model.ExportOptionError of the option.
func parseExportTemplate(option, s string, known []string) (exportTemplate, error) {
	var t exportTemplate
	rest := s
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			t.lits = append(t.lits, rest)
			return t, nil
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			return t, &model.ExportOptionError{Option: option, Value: rest[open:], Known: braced(known)}
		}
		key := rest[open+1 : open+end]
		if !slices.Contains(known, key) {
			return t, &model.ExportOptionError{Option: option, Value: "{" + key + "}", Known: braced(known)}
		}
		t.lits = append(t.lits, rest[:open])
		t.keys = append(t.keys, key)
		rest = rest[open+end+1:]
	}
}

// expand fills the placeholders with value(key).
func (t exportTemplate) expand(value func(key string) string) string {
	var b strings.Builder
	for i, lit := range t.lits {
		b.WriteString(lit)
		if i < len(t.keys) {
			b.WriteString(value(t.keys[i]))
		}
	}
	return b.String()
}

func braced(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = "{" + k + "}"
	}
	return out
}

// Initial password alphabets: no 0/O, 1/l/I look-alikes, and no symbol a spreadsheet reads as
// the start of a formula (=, +, -, @), which neutralising the cell would change.
const (
	pwUpper   = "ABCDEFGHJKLMNPQRSTUVWXYZ"
	pwLower   = "abcdefghijkmnopqrstuvwxyz"
	pwDigits  = "23456789"
	pwSymbols = "!#$%&*?"
)

// initialPasswordLen is the length of an export's initial passwords unless the policy asks for
// more: about 70 bits from the 57 letters and digits.
const initialPasswordLen = 12

// newInitialPassword draws a password that the policy accepts, from r (crypto/rand in
// production). It is written once in the export file and never stored: the account keeps its
// own password and activation code.
func newInitialPassword(r io.Reader, policy model.PasswordPolicy) (string, error) {
	alphabet := pwUpper + pwLower + pwDigits
	if policy.Classes.Has(model.ClassSpecial) {
		alphabet += pwSymbols
	}
	n := max(policy.MinLength, initialPasswordLen)
	for range 64 { // a draw lacking a class the policy wants is drawn again; 64 misses do not happen
		pw, err := drawFrom(r, alphabet, n)
		if err != nil {
			return "", err
		}
		if len(policy.Check("password", pw)) == 0 {
			return pw, nil
		}
	}
	return "", fmt.Errorf("initial password: no draw met the policy %+v", policy)
}

// drawFrom draws n characters of alphabet (ASCII, under 256 of them), each equally likely.
func drawFrom(r io.Reader, alphabet string, n int) (string, error) {
	limit := 256 - 256%len(alphabet)
	out := make([]byte, 0, n)
	buf := make([]byte, n+16)
	for len(out) < n {
		if _, err := io.ReadFull(r, buf); err != nil {
			return "", fmt.Errorf("random source: %w", err)
		}
		for _, b := range buf {
			if int(b) < limit && len(out) < n {
				out = append(out, alphabet[int(b)%len(alphabet)])
			}
		}
	}
	return string(out), nil
}

// exportSchools is what a platform's rows say of a user's school: its name, its code (UAI) and
// the password policy of each profile, read once per school.
type exportSchools struct {
	x        *exportRun
	orgs     map[model.ID]model.Organization
	settings map[model.ID]SchoolSettings
}

func newExportSchools(x *exportRun) (*exportSchools, error) {
	orgs, err := x.app.store.ListOrgs(x.ctx)
	if err != nil {
		return nil, err
	}
	s := &exportSchools{x: x, orgs: map[model.ID]model.Organization{}, settings: map[model.ID]SchoolSettings{}}
	for _, o := range orgs {
		s.orgs[o.ID] = o
	}
	return s, nil
}

// policy is the password policy of the user's profile in their school.
func (s *exportSchools) policy(u *model.User) (model.PasswordPolicy, error) {
	set, ok := s.settings[u.OrgID]
	if !ok {
		var err error
		if set, err = s.x.app.schoolSettings(s.x.ctx, u.OrgID); err != nil {
			return model.PasswordPolicy{}, err
		}
		s.settings[u.OrgID] = set
	}
	return set.PasswordPolicy(u.Profile), nil
}

// classNames lists the names of a user's classes.
func (x *exportRun) classNames(u *model.User) []string {
	names := make([]string, 0, len(u.ClassIDs))
	for _, id := range u.ClassIDs {
		names = append(names, x.classes[id].Name)
	}
	return names
}
