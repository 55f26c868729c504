package e2e

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestConsolePrintsLoginCards: with the activation address set through the CLI, the admin
// opens Mail merge from the home screen, sets 2 cards a sheet and the output file in the
// options form, generates, and reads where the cards went; pdfinfo counts half as many pages
// as the CLI lists users.
func TestConsolePrintsLoginCards(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	signedInWithDemo(t, dir)
	rollcall(t, dir, "", "settings", "smtp", "--org", "all", "--activation-url", "https://accounts.example.org/ent")
	var listed struct {
		Total int `json:"total"`
	}
	if err := json.Unmarshal([]byte(rollcall(t, dir, "", "users", "list", "--json")), &listed); err != nil || listed.Total == 0 {
		t.Fatalf("users list --json: %v", err)
	}
	out := filepath.Join(dir, "cards.pdf")

	term := console(t, dir)
	term.waitText("Home", "Signed in as Marie Curie")
	term.keys("Down", "Down", "Down", "Down", "Enter") // Mail merge, the fifth area
	term.waitText("Mail merge", "selected ·", "First card", "Login:")

	term.keys("e")
	term.waitFocus("Cards per sheet")
	term.keys("Left", "Enter") // 8 → 2 a sheet
	term.waitFocus("Paper")
	term.keys("Enter")
	term.waitFocus("Output file")
	term.keys("C-u")
	term.text(out)
	term.keys("Enter")
	for _, title := range []string{"One file per class", "Activation address", "messages a minute"} {
		term.waitFocus(title)
		term.keys("Enter")
	}
	term.waitText("2 per sheet", "Output file: "+out, "g generate") // the form has closed: g is heard by the screen

	term.keys("g")
	m := term.waitMatch(regexp.MustCompile(`([\d,]+) cards on ([\d,]+) pages written to`))
	cards, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	pages, _ := strconv.Atoi(strings.ReplaceAll(m[2], ",", ""))
	if cards != listed.Total || pages != (cards+1)/2 {
		t.Errorf("the screen says %d cards on %d pages; the CLI lists %d users", cards, pages, listed.Total)
	}
	if pdfinfo, err := exec.LookPath("pdfinfo"); err == nil {
		info, err := exec.Command(pdfinfo, out).CombinedOutput()
		if err != nil || !regexp.MustCompile(`(?m)^Pages:\s+`+strconv.Itoa(pages)+`$`).Match(info) {
			t.Errorf("pdfinfo %s: %v\n%s", out, err, info)
		}
	}
	term.keys("q")
	term.waitText("EXITED:0")
}
