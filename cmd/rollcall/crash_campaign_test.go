package main

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// TestKilledCampaignResumesWithoutDuplicates kills the process (SIGKILL) in the middle of an
// email campaign, then checks that the store opens, the campaign says where it stopped, and
// resuming sends every remaining message once: nobody receives two.
func TestKilledCampaignResumesWithoutDuplicates(t *testing.T) {
	t.Parallel()
	c, srv := emailCLI(t)
	people := peopleWithEmail(c, "--profile", "teacher")
	if len(people) < 20 {
		t.Fatalf("the demo has %d teachers with an email, want at least 20", len(people))
	}
	cmd := exec.Command(binPath, "--db", c.db, "merge", "email", "--profile", "teacher", "--connections", "1", "--rate", "600")
	cmd.Env = []string{"ROLLCALL_USER=" + c.user, "HOME=" + t.TempDir(), "LANG=C", "PATH=" + os.Getenv("PATH")}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if _, err := srv.WaitMessages(ctx, 5); err != nil {
		cmd.Process.Kill()
		t.Fatalf("the campaign did not start sending: %v", err)
	}
	cmd.Process.Signal(syscall.SIGKILL) // mid-campaign, no chance to record anything more
	cmd.Wait()
	before := len(srv.Messages())
	if before >= len(people) {
		t.Fatalf("the campaign finished (%d messages) before the kill", before)
	}

	var list []campaignJSON
	c.json(&list, "", "merge", "status")
	if len(list) != 1 {
		t.Fatalf("after the kill the store lists %d campaigns", len(list))
	}
	st := list[0]
	if st.Counts.Sent > before || st.Counts.Sent+st.Counts.Sending+st.Counts.Uncertain < before {
		t.Errorf("recorded %+v, but the server received %d messages", st.Counts, before)
	}
	var done campaignJSON
	c.json(&done, "", "merge", "resume", strconv.Itoa(int(st.ID)))
	if done.Counts.Sent+done.Counts.Uncertain != len(people) || done.Counts.Failed != 0 {
		t.Errorf("after resuming: %+v, want all %d sent or uncertain", done.Counts, len(people))
	}
	uncertain := map[string]bool{}
	for _, p := range done.Problems {
		uncertain[p.Email] = true
	}
	got := countPerRecipient(srv)
	for email := range people {
		switch n := got[email]; {
		case n > 1:
			t.Errorf("%s received %d messages", email, n)
		case n == 0 && !uncertain[email]:
			t.Errorf("%s received nothing, and is not reported uncertain", email)
		}
	}
}
