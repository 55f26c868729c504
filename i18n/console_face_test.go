package i18n

import (
	"strings"
	"testing"

	"rollcall/model"
)

// In the console, the messages whose CLI wording names a flag or a command name the console's
// keys and fields instead, in both languages; the CLI's catalogue keeps its own words.
func TestConsoleMessagesNameNoFlag(t *testing.T) {
	t.Parallel()
	msgs := []model.Message{
		{ID: model.MsgNoActivationURL}, {ID: model.MsgNoSMTP}, {ID: model.MsgSchoolSettingsDiffer},
		{ID: model.MsgCampaignPaused, Args: []any{model.ID(3), model.CampaignPause{}}},
		{ID: model.MsgNoOrganization},
		{ID: model.MsgExportNoEmail, Args: []any{"lea.colin"}},
		{ID: model.MsgExportCharset, Args: []any{"lea.colin", "nom", 'ŷ', "windows-1252"}},
		{ID: model.MsgDirNotConfigured, Args: []any{"Google Workspace"}},
		{ID: model.MsgCodeTaken, Args: []any{"", "6e A (2025-2026)"}},
		{ID: model.MsgNotSignedIn},
		{ID: model.MsgExportOption, Args: []any{"fields", "adresse", []string{"nom", "prenom"}}},
	}
	rules := []model.Rule{model.RuleNoSuchClass, model.RuleNoSuchGroup, model.RuleUnknownOrg, model.RuleUnknownProfile}
	for _, lang := range []model.Language{model.English, model.French} {
		console, cli := ForConsole(lang), For(lang)
		for _, m := range msgs {
			s, ok := console.Message(m)
			other, _ := cli.Message(m)
			switch {
			case !ok || s == "":
				t.Errorf("%s %s: no console wording", lang, m.ID)
			case strings.Contains(s, "--") || strings.Contains(s, "rollcall "):
				t.Errorf("%s %s: the console names the CLI: %q", lang, m.ID, s)
			case s == other:
				t.Errorf("%s %s: the same words in both faces: %q", lang, m.ID, s)
			}
		}
		for _, r := range rules {
			if s := console.importRule(r); strings.Contains(s, "--") {
				t.Errorf("%s %s: the console names a flag: %q", lang, r, s)
			}
		}
	}
	if s, _ := For(model.English).Message(model.Message{ID: model.MsgExportNoEmail, Args: []any{"x"}}); !strings.Contains(s, "--email-template") {
		t.Errorf("the CLI lost its flag: %q", s)
	}
}

// The CLI's wording of the messages the console says in its own words names no console key or
// screen: each face names its own controls.
func TestCLIMessagesNameNoConsoleKey(t *testing.T) {
	t.Parallel()
	for _, lang := range []model.Language{model.English, model.French} {
		cli := For(lang)
		for name, s := range map[string]string{
			"UnknownVendor": cli.Licensing.Refuse.UnknownVendor, "RenewalNotARenewal": cli.People.RenewalNotARenewal,
			"RenewalNotAClaim": cli.People.RenewalNotAClaim, "Saved.NoneHint": cli.Directory.Saved.NoneHint,
		} {
			for _, console := range []string{"screen", "écran", " in Subscriptions", "dans Abonnements", " on the Users", "dans Utilisateurs"} {
				if strings.Contains(s, console) {
					t.Errorf("%s %s: the CLI names the console (%q): %q", lang, name, console, s)
				}
			}
			if !strings.Contains(s, "rollcall ") {
				t.Errorf("%s %s: the CLI names no command: %q", lang, name, s)
			}
		}
	}
}
