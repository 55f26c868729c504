package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rollcall/mailmerge/smtptest"
)

// emailCLI is mergeCLI with SMTP pointing at an in-process server.
func emailCLI(t *testing.T) (*cli, *smtptest.Server) {
	t.Helper()
	c := mergeCLI(t)
	srv := smtptest.Start(t, smtptest.Options{})
	c.must("", "settings", "smtp", "--org", "all", "--host", srv.Host(), "--port", strconv.Itoa(srv.Port()), "--security", "none",
		"--from", "Service informatique <it@college.example.fr>", "--activation-url", cliActivationURL)
	return c, srv
}

// peopleWithEmail lists a selection's users who have an email, by address.
func peopleWithEmail(c *cli, args ...string) map[string]userJSON {
	var list usersListJSON
	c.json(&list, "", append([]string{"users", "list"}, args...)...)
	out := map[string]userJSON{}
	for _, u := range list.Users {
		if u.Email != "" {
			out[u.Email] = u
		}
	}
	return out
}

func countPerRecipient(srv *smtptest.Server) map[string]int {
	n := map[string]int{}
	for _, m := range srv.Messages() {
		for _, to := range m.To {
			n[to]++
		}
	}
	return n
}

func TestMergeEmailCommand(t *testing.T) {
	t.Parallel()
	c, srv := emailCLI(t)
	people := peopleWithEmail(c, "--class", "6e A")

	var dry emailDryRunJSON
	c.json(&dry, "", "merge", "email", "--class", "6e A", "--dry-run")
	if !dry.DryRun || !dry.SMTP || len(dry.Recipients) != len(people) || dry.FirstMessage == nil ||
		!strings.Contains(dry.FirstCard, "Identifiant") || len(srv.Messages()) != 0 {
		t.Fatalf("dry run: %d recipients (want %d), smtp %v, first message %v, %d sent", len(dry.Recipients),
			len(people), dry.SMTP, dry.FirstMessage, len(srv.Messages()))
	}
	for _, r := range dry.Recipients {
		u := people[r.Email]
		if want := map[bool]string{true: "reset", false: "activation"}[u.Activated]; r.Variant != want || r.Language != "fr" {
			t.Errorf("dry run lists %+v, want the %s email in French", r, want)
		}
	}
	if text := c.must("", "merge", "email", "--class", "6e A", "--dry-run").stdout; !strings.Contains(text, dry.FirstMessage.Subject) {
		t.Errorf("the text dry run does not show the first message:\n%s", text)
	}

	var st campaignJSON
	c.json(&st, "", "merge", "email", "--class", "6e A")
	if st.State != "done" || st.Counts.Sent != len(people) || st.Recipients != len(people) {
		t.Fatalf("campaign: %+v", st)
	}
	got := countPerRecipient(srv)
	for _, m := range srv.Messages() {
		u := people[m.To[0]]
		if got[m.To[0]] != 1 || m.Language != "fr" || !strings.Contains(m.Text, u.Login) ||
			(u.ActivationCode != "" && !strings.Contains(m.Text, u.ActivationCode)) ||
			(u.Activated && !strings.Contains(m.Text, "saisissez ce code")) {
			t.Errorf("message to %s (activated %v, %d received):\n%s", m.To[0], u.Activated, got[m.To[0]], m.Text)
		}
	}
	var again campaignJSON
	c.json(&again, "", "merge", "status", strconv.Itoa(int(st.ID)))
	if again.ID != st.ID || again.Counts != st.Counts || again.Runs != 1 {
		t.Errorf("status: %+v", again)
	}
	var list []campaignJSON
	c.json(&list, "", "merge", "status")
	if len(list) != 1 {
		t.Errorf("status lists %d campaigns", len(list))
	}
	if r := c.run("", "merge", "status", "99"); r.code != exitNotFound {
		t.Errorf("status of an unknown campaign: exit %d", r.code)
	}
	if r := c.run("", "merge", "email", "--email", "without"); r.code != exitNotFound {
		t.Errorf("a selection without emails: exit %d (%s)", r.code, r.stderr)
	}
}

var resumeRE = regexp.MustCompile(`rollcall merge resume (\d+)`)

func TestMergeEmailResumesAfterTheServerDied(t *testing.T) {
	t.Parallel()
	c, srv := emailCLI(t)
	people := peopleWithEmail(c, "--class", "6e A")
	var bad string
	for email := range people {
		bad = email
		break
	}
	srv.RejectRecipient(bad, 550, "No such user")
	srv.KillAfter(5)
	r := c.run("", "merge", "email", "--class", "6e A", "--connections", "1") // dies between two messages
	m := resumeRE.FindStringSubmatch(r.stderr)
	if r.code != exitPaused || m == nil {
		t.Fatalf("server killed: exit %d, want %d and how to resume\n%s", r.code, exitPaused, r.stderr)
	}
	var st campaignJSON
	c.json(&st, "", "merge", "status", m[1])
	// The server dies after five messages; the rejected recipient may be one of them (the pick
	// above comes from a map), so five were handled: five sent, or four sent and one failed.
	if st.State != "paused" || st.Pause == nil || st.Counts.Sent+st.Counts.Failed != 5 || st.Counts.Sent < 4 || st.Counts.Left() == 0 {
		t.Fatalf("status after the outage: %+v", st)
	}
	var dry struct {
		Due int `json:"due"`
	}
	c.json(&dry, "", "merge", "resume", m[1], "--dry-run")
	if dry.Due != st.Counts.Left() {
		t.Errorf("resume --dry-run counts %d due, want %d", dry.Due, st.Counts.Left())
	}
	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
	c.json(&st, "", "merge", "resume", m[1])
	if st.State != "done" || st.Counts.Sent != len(people)-1 || st.Counts.Failed != 1 || len(st.Problems) != 1 ||
		st.Problems[0].Email != bad || st.Problems[0].Code != 550 {
		t.Fatalf("after resuming: %+v", st)
	}
	got := countPerRecipient(srv)
	for email := range people {
		want := 1
		if email == bad {
			want = 0
		}
		if got[email] != want {
			t.Errorf("%s received %d messages, want %d", email, got[email], want)
		}
	}
	if text := c.must("", "merge", "status", m[1]).stdout; !strings.Contains(text, bad) || !strings.Contains(text, "No such user") {
		t.Errorf("status does not show the refused address:\n%s", text)
	}
}

func TestActivateAndResetCommands(t *testing.T) {
	t.Parallel()
	c, srv := emailCLI(t)
	var notYet, done usersListJSON
	c.json(&notYet, "", "users", "list", "--activated", "no", "--profile", "student")
	c.json(&done, "", "users", "list", "--activated", "yes", "--email", "with")
	u := notYet.Users[0]

	if r := c.run("ZZZZ-ZZZZ\nnouveau1mdp\n", "activate", "--login", u.Login, "--password-stdin"); r.code != exitInvalid {
		t.Errorf("wrong code: exit %d (%s)", r.code, r.stderr)
	}
	c.must(u.ActivationCode+"\nnouveau1mdp\n", "activate", "--login", u.Login, "--password-stdin")
	r := c.run(u.ActivationCode+"\nautre2mdp\n", "activate", "--login", u.Login, "--password-stdin")
	if r.code != exitInvalid || !strings.Contains(r.stderr, u.Login) {
		t.Errorf("the same code again: exit %d, %s", r.code, r.stderr)
	}
	if r := c.run("", "activate", "--login", u.Login); r.code != exitUsage {
		t.Errorf("no code: exit %d", r.code)
	}

	v := done.Users[0]
	var res resetJSON
	c.json(&res, "", "reset-password", "--login", v.Login)
	if !res.Emailed || res.Code != "" || res.Email != v.Email {
		t.Fatalf("reset with SMTP configured: %+v, want it emailed and not shown", res)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 || msgs[0].To[0] != v.Email {
		t.Fatalf("received %d messages", len(msgs))
	}
	code := regexp.MustCompile(`saisissez ce code : ([A-Z0-9]{4}-[A-Z0-9]{4})`).FindStringSubmatch(msgs[0].Text)
	if code == nil {
		t.Fatalf("no reset code in:\n%s", msgs[0].Text)
	}
	c.must(code[1]+"\nnouveau1mdp\n", "reset-password", "--login", v.Login, "--use-code", "--password-stdin")
	if r := c.run(code[1]+"\nnouveau1mdp\n", "reset-password", "--login", v.Login, "--use-code", "--password-stdin"); r.code != exitInvalid {
		t.Errorf("a spent reset code: exit %d", r.code)
	}
	if r := c.run("", "reset-password", "--login", notYet.Users[1].Login); r.code != exitConflict {
		t.Errorf("reset for an account never activated: exit %d", r.code)
	}

	c.must("", "settings", "smtp", "--org", "all", "--host", "", "--from", "")
	r = c.must("", "reset-password", "--login", v.Login)
	shown := strings.TrimSpace(r.stdout)
	if len(shown) != 9 || len(srv.Messages()) != 1 {
		t.Fatalf("without SMTP the code is printed: %q (%d messages)", r.stdout, len(srv.Messages()))
	}
	c.must(shown+"\ntroisieme3mdp\n", "reset-password", "--login", v.Login, "--use-code", "--password-stdin")
}

func TestSettingsCommands(t *testing.T) {
	t.Parallel()
	c := mergeCLI(t)
	c.must("hunter2-secret\n", "settings", "smtp", "--org", "all", "--host", "smtp.example.fr", "--port", "587", "--security", "starttls",
		"--username", "it", "--from", "IT <it@example.fr>", "--password-stdin")
	var s settingsJSON
	c.json(&s, "", "settings", "show", "--org", c.firstOrg())
	if !s.PasswordSet || s.Host != "smtp.example.fr" || s.Security != "starttls" || !s.SMTPConfigured {
		t.Errorf("settings: %+v", s)
	}
	org := c.firstOrg()
	for _, args := range [][]string{{"settings", "show", "--org", org}, {"settings", "show", "--org", org, "--json"}} {
		if r := c.must("", args...); strings.Contains(r.stdout+r.stderr, "hunter2") {
			t.Errorf("%v shows the password:\n%s", args, r.stdout)
		}
	}
	if r := c.run("", "settings", "smtp", "--org", "all", "--security", "ssl3"); r.code != exitInvalid {
		t.Errorf("bad security: exit %d", r.code)
	}
	if r := c.run("", "settings", "smtp", "--org", "all", "--activation-url", "ftp://x", "--dry-run"); r.code != exitInvalid {
		t.Errorf("bad address: exit %d", r.code)
	}
	c.must("", "settings", "smtp", "--org", "all", "--clear-password", "--dry-run")
	c.json(&s, "", "settings", "show", "--org", c.firstOrg())
	if !s.PasswordSet {
		t.Error("a dry run cleared the password")
	}
	c.must("", "settings", "smtp", "--org", "all", "--clear-password")
	c.json(&s, "", "settings", "show", "--org", c.firstOrg())
	if s.PasswordSet {
		t.Error("--clear-password kept the password")
	}
}
