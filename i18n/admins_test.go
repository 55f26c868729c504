package i18n

import (
	"fmt"
	"strings"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

// TestAdminsErrors checks that the team's errors read as their own sentence in both languages,
// even when wrapped with the generic sentinel that sorts them (conflict, invalid).
func TestAdminsErrors(t *testing.T) {
	cases := []struct {
		err  error
		want func(*Catalog) string
	}{
		{fmt.Errorf("remove: %w (%w)", &model.LastAdminError{OrgID: 3}, storage.ErrConflict),
			func(c *Catalog) string { return fmt.Sprintf(c.Admins.LastAdmin, "3") }},
		{&model.LastAdminError{OrgID: 3, OrgName: "École X"}, func(c *Catalog) string { return fmt.Sprintf(c.Admins.LastAdmin, "École X") }},
		{fmt.Errorf("%w (%w)", model.ErrInviteOtherEmail, model.ErrInvalid), func(c *Catalog) string { return c.Admins.InviteOtherEmail }},
		{fmt.Errorf("%w (%w)", model.ErrAlreadyAdmin, storage.ErrConflict), func(c *Catalog) string { return c.Admins.AlreadyAdmin }},
		{fmt.Errorf("%w (%w)", model.ErrSSHKeyInvalid, model.ErrInvalid), func(c *Catalog) string { return c.Admins.SSHKeyInvalid }},
		{fmt.Errorf("%w (%w)", model.ErrSSHKeyWeak, model.ErrInvalid), func(c *Catalog) string { return c.Admins.SSHKeyWeak }},
		{fmt.Errorf("export: %w", model.ErrServerFiles), func(c *Catalog) string { return c.Admins.ServerFiles }},
	}
	for _, lang := range model.Languages {
		cat := For(lang)
		for _, tc := range cases {
			got := cat.Error(tc.err)
			if want := tc.want(cat); got != want || strings.Contains(got, "%!") {
				t.Errorf("%s: Error(%v) = %q, want %q", lang, tc.err, got, want)
			}
		}
	}
}
