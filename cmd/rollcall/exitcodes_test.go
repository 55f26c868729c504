package main

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rollcall/dirsync"
	"rollcall/i18n"
	"rollcall/importers/table"
	"rollcall/mailmerge"
	"rollcall/model"
	"rollcall/storage"
)

// documentedExitCodes reads the codes of README's "Exit codes" table.
func documentedExitCodes(t *testing.T) map[int]bool {
	t.Helper()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := regexp.MustCompile(`(?s)### Exit codes\n(.*?)\n\n`).FindSubmatch(readme)
	if section == nil {
		t.Fatal("README has no Exit codes table")
	}
	codes := map[int]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\| (\d+) \|`).FindAllSubmatch(section[1], -1) {
		n, _ := strconv.Atoi(string(m[1]))
		codes[n] = true
	}
	return codes
}

// TestEachKindHasItsDocumentedExitCode: an error of each kind, wrapped as app and commands
// wrap them, exits with the code README gives that kind, and only an internal one with 1.
func TestEachKindHasItsDocumentedExitCode(t *testing.T) {
	want := map[model.Kind]int{
		model.KindInternal: 1, model.KindUsage: 2, model.KindInvalid: 3, model.KindNotFound: 4,
		model.KindForbidden: 4, model.KindConflict: 5, model.KindUnavailable: 6,
	}
	documented := documentedExitCodes(t)
	for _, k := range model.Kinds() {
		code, ok := want[k]
		if !ok {
			t.Errorf("kind %v: no documented exit code in this test; add it to README and here", k)
			continue
		}
		if !documented[code] {
			t.Errorf("kind %v exits %d, which README does not document", k, code)
		}
		err := fmt.Errorf("doing something: %w", model.NewError(k, model.MsgLocked, "x"))
		if got := exitCode(err); got != code {
			t.Errorf("kind %v: exit %d, want %d", k, got, code)
		}
	}
}

// TestAnErrorWithoutAKindIsVisiblyInternal: an error nothing says the kind of exits 1 and is
// told as "something went wrong" with its own text, in both languages, so the fallback is
// visible and never passes for a known refusal.
func TestAnErrorWithoutAKindIsVisiblyInternal(t *testing.T) {
	err := fmt.Errorf("merge: %w", errors.New("disk on fire"))
	if got := exitCode(err); got != exitInternal {
		t.Errorf("exit %d, want %d", got, exitInternal)
	}
	if got := i18n.For(model.French).Error(err); got != "Une erreur est survenue : merge: disk on fire" {
		t.Errorf("French: %q", got)
	}
	if got := i18n.For(model.English).Error(err); got != "Something went wrong: merge: disk on fire" {
		t.Errorf("English: %q", got)
	}
}

// TestLowerPackagesErrorsKeepTheirExitCodes: the errors of the store, the mail merge, the
// file readers and the directories exit as README says, and each is told in French in its own
// sentence, never as "something went wrong".
func TestLowerPackagesErrorsKeepTheirExitCodes(t *testing.T) {
	fr := i18n.For(model.French)
	internal := strings.TrimSuffix(fr.Errors.Internal, "%s")
	rows := table.NewErrors(1)
	rows.Add(&table.RowError{File: "eleves.csv", Line: 2, Rule: model.RuleRequired})
	rows.Add(&table.RowError{File: "eleves.csv", Line: 3, Rule: model.RuleRequired})
	tests := []struct {
		name string
		err  error
		code int
	}{
		{"database in use", storage.ErrLocked, exitConflict},
		{"newer database", storage.ErrNewerSchema, exitConflict},
		{"damaged database", storage.ErrCorrupt, exitInternal},
		{"PostgreSQL backup", storage.ErrBackupByEngine, exitInvalid},
		{"not found", fmt.Errorf("user 7: %w", storage.ErrNotFound), exitNotFound},
		{"no card", mailmerge.ErrNoCards, exitNotFound},
		{"no address", mailmerge.ErrNoAddress.With("jdupont"), exitInvalid},
		{"template", mailmerge.TemplateErrors{{Name: "fr/card.tmpl", Line: 3, Message: "unexpected EOF"}}, exitInvalid},
		{"layout", &mailmerge.LayoutError{Field: "PerSheet", Value: 3}, exitInvalid},
		{"SMTP refused", &mailmerge.SendError{Phase: mailmerge.PhaseAuth, Code: 535, Reply: "5.7.8 no"}, exitPaused},
		{"campaign paused", &model.CampaignPausedError{CampaignID: 4, Pause: model.CampaignPause{Phase: "connect"}}, exitPaused},
		{"rows", fmt.Errorf("import: %w", rows.Err()), exitInvalid},
		{"directory not set up", &dirsync.Error{Service: dirsync.Google, Err: dirsync.ErrNotConfigured}, exitNotFound},
		{"directory refused", &dirsync.APIError{Service: dirsync.Microsoft, Status: 403}, exitNotFound},
		{"directory down", &dirsync.APIError{Service: dirsync.Microsoft, Status: 500}, exitPaused},
		{"directory garbage", &dirsync.Error{Service: dirsync.Google, Err: fmt.Errorf("%w: eof", dirsync.ErrBadPage)}, exitPaused},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.code {
			t.Errorf("%s: exit %d, want %d", tt.name, got, tt.code)
		}
		if s := fr.Error(tt.err); s == "" || strings.HasPrefix(s, internal) {
			t.Errorf("%s: told as %q", tt.name, s)
		}
	}
}

// TestUsageAndCopyErrorsExitByTheirKind: a usage error and a copy's refusals say their kind
// and message like every other error, and their exit codes follow from those alone.
func TestUsageAndCopyErrorsExitByTheirKind(t *testing.T) {
	usage := fmt.Errorf("users export: %w", usageError{errors.New("--output is required")})
	if k := model.KindOf(usage); k != model.KindUsage {
		t.Errorf("usage error: kind %v", k)
	}
	if got := exitCode(usage); got != exitUsage {
		t.Errorf("usage error: exit %d, want %d", got, exitUsage)
	}
	if got := i18n.For(model.French).Error(usage); got != "--output is required" {
		t.Errorf("usage error told as %q", got)
	}
	differs := &model.CopyMismatchError{Copied: true, Diffs: []model.CopyDiff{{Kind: "users", Source: 2, Target: 1}}}
	if got := exitCode(fmt.Errorf("migrate: %w", differs)); got != exitCopyDiffers {
		t.Errorf("copy read back different: exit %d, want %d", got, exitCopyDiffers)
	}
	notEmpty := &model.CopyMismatchError{Diffs: differs.Diffs}
	if got := exitCode(fmt.Errorf("migrate: %w", notEmpty)); got != exitConflict {
		t.Errorf("target not empty: exit %d, want %d", got, exitConflict)
	}
	if got := i18n.For(model.French).Error(notEmpty); !strings.Contains(got, "utilisateurs (2 dans la source, 1 dans la cible)") {
		t.Errorf("target not empty told as %q", got)
	}
}

// A question answered no is neither a failure (1) nor said twice.
func TestCancelledExitsAsUsage(t *testing.T) {
	if got := exitCode(errCancelled); got != exitUsage {
		t.Errorf("a cancelled command exits %d, want %d", got, exitUsage)
	}
	if !errors.Is(errCancelled, errSilent) {
		t.Error("a cancelled command would print an error after 'Cancelled.'")
	}
}
