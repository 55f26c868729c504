package main

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"testing"

	"rollcall/i18n"
	"rollcall/model"
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
