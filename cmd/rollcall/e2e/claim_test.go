package e2e

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// demoClaims signs an admin in for the OS user "e2e" like signedInWithDemo, loading the demo
// with --json to read the claim codes and display serials it comes with.
func demoClaims(t *testing.T, dir string) (codes, serials []string) {
	t.Helper()
	var s struct {
		Code string `json:"code"`
	}
	out := rollcall(t, dir, "", "signup", "--name", "Marie Curie", "--email", email, "--language", "en", "--country", "FR", "--json")
	if err := json.Unmarshal([]byte(out), &s); err != nil || s.Code == "" {
		t.Fatalf("signup --json: %v\n%s", err, out)
	}
	rollcall(t, dir, s.Code+"\n"+password+"\n", "verify", "--email", email, "--password-stdin")
	rollcall(t, dir, password+"\n", "login", "--email", email, "--password-stdin")
	rollcall(t, dir, "", "accept-terms", "--adult", "--accept")
	var demo struct {
		Claims struct {
			Codes []struct {
				Code string `json:"code"`
			} `json:"codes"`
			Serials []struct {
				Serial string `json:"serial"`
			} `json:"serials"`
		} `json:"claims"`
	}
	out = rollcall(t, dir, "", "demo", "--json")
	if err := json.Unmarshal([]byte(out), &demo); err != nil || len(demo.Claims.Codes) == 0 || len(demo.Claims.Serials) == 0 {
		t.Fatalf("demo --json: %v\n%s", err, out)
	}
	for _, c := range demo.Claims.Codes {
		codes = append(codes, c.Code)
	}
	for _, s := range demo.Claims.Serials {
		serials = append(serials, s.Serial)
	}
	return codes, serials
}

// TestClaimWizard is the subscriptions issue's console path: open Subscriptions, claim a demo
// code pasted as the order email's claim link, set the vendor's location, pick the school,
// go back from the review to change the location, claim, give two seats, and find the
// subscription in the list; the same code again is refused, saying when and by which school;
// the CLI then finds the subscription and its seats.
func TestClaimWizard(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	codes, _ := demoClaims(t, dir)

	term := console(t, dir)
	term.waitText("Home", "Signed in as Marie Curie", "› Subscriptions")
	term.keys("Enter")
	term.waitText("Subscriptions", "Next renewal: ", "Organization: All organizations", "40/120", "Expired")
	term.keys("c")
	term.waitFocus("What came with the purchase?")
	term.keys("Enter")
	term.fill("Claim code", "https://shop.example/claim?order=3002&code="+codes[1])
	term.waitFocus("Vendor (optional)")
	term.waitText("> Éditions Démo")
	term.keys("Enter")
	term.fill("Vendor's location (optional)", "Lyon")
	term.waitFocus("Organization that receives it")
	term.keys("Down", "Enter") // École élémentaire Les Tilleuls
	term.waitText("Review the claim", "Atlas interactif 2", "Éditions Démo (Lyon)", "DEMO-3002", "40 seats",
		"École élémentaire Les Tilleuls", "> Claim it")

	// Back from the review to the vendor; the review then shows the new location.
	term.keys("Down", "Down")
	term.waitText("> Go back and edit: the vendor")
	term.keys("Enter")
	term.waitFocus("Vendor (optional)")
	term.keys("Enter")
	term.waitFocus("Vendor's location (optional)")
	term.keys("C-u")
	term.text("Villeurbanne")
	term.keys("Enter")
	term.waitFocus("Organization that receives it")
	term.keys("Enter")
	term.waitText("Éditions Démo (Villeurbanne)", "> Claim it")
	term.keys("Enter")
	term.waitText("Claimed Atlas interactif 2 for École élémentaire Les Tilleuls: 40 seats.", "enter: give its seats")

	term.keys("Enter")
	term.waitText("Seats: Atlas interactif 2", "0 given of 40, 40 free", "No seat given yet.")
	term.keys("a")
	term.fill("Emails", "ana@les-tilleuls.example.fr, bob@les-tilleuls.example.fr")
	term.waitFocus("Product key") // two keys: the first with room
	term.keys("Enter")
	term.waitText("2 seats added", "ana@les-tilleuls.example.fr", "typed")
	term.keys("Escape")
	term.waitMatch(regexp.MustCompile(`Atlas interactif 2\s+École élémentaire Les.*\s2/40\s+Ends: 31 Aug`))

	// The same code again: refused, saying when and by which school.
	term.keys("c")
	term.waitFocus("What came with the purchase?")
	term.keys("Enter")
	term.fill("Claim code", codes[1])
	term.waitText("This was already claimed on", "by École élémentaire Les Tilleuls")
	term.waitFocus("Claim code")
	term.keys("C-c")
	term.waitText("EXITED:0")

	// Once the console is closed, the CLI sees the same subscription and seats.
	out := rollcall(t, dir, "", "subs", "list", "--json")
	if !strings.Contains(out, `"vendor_location": "Villeurbanne"`) || !strings.Contains(out, `"seats_assigned": 2`) {
		t.Errorf("subs list --json:\n%s", out)
	}
}
