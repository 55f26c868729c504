package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	boltstore "rollcall/storage/bolt"
)

// storeHostileName gives a demo user a last name holding an escape sequence, written straight
// into the store as data imported before the rules refused it would be.
func storeHostileName(t *testing.T, db string) string {
	t.Helper()
	st, err := boltstore.Open(db, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	u, err := st.User(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	u.LastName = "\x1b[31mRouge\x1b]52;c;aGk=\x07"
	if err := st.UpdateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	return u.Login
}

func TestControlCharactersInDataAreShownNotObeyed(t *testing.T) {
	t.Parallel()
	c, _, signer := sshAdmin(t)
	c.must("", "demo")
	login := storeHostileName(t, c.db)
	check := func(face, out string) {
		t.Helper()
		if strings.ContainsAny(out, "\x1b\x07") {
			t.Errorf("%s printed a raw control character: %q", face, out)
		}
		if !strings.Contains(out, "␛[31mRouge␛]52;c;aGk=␇") {
			t.Errorf("%s does not show the neutralised name:\n%s", face, out)
		}
	}
	r := c.must("", "users", "list", "--search", "rouge")
	check("users list", r.stdout)
	check("users show", c.must("", "users", "show", login).stdout)
	// --json escapes it the JSON way, and the value round-trips.
	var list usersListJSON
	c.json(&list, "", "users", "list", "--search", "rouge")
	if len(list.Users) != 1 || list.Users[0].LastName != "\x1b[31mRouge\x1b]52;c;aGk=\x07" {
		t.Errorf("--json: %+v", list.Users)
	}
	srv := c.serve()
	client := srv.mustDial(signer)
	res := execSSH(t, client, "", "users list --search rouge")
	check("users list over SSH", res.stdout)

	con := openConsole(t, client, 120, 32)
	con.waitText(0, "Accueil")
	mark := con.mark()
	con.send("\x1b[B\r") // the second area: Users, which opens with the search field focused
	con.waitText(mark, "› Recherche", "Identifiant")
	mark = con.mark()
	con.send("rouge")
	con.waitText(mark, "␛[31mRouge")
	if raw := con.out.String(); strings.Contains(raw, "\x1b]52;c;aGk=") || strings.Contains(raw, "\x1b[31mRouge") {
		t.Errorf("the console over SSH sent the name's escape sequence raw")
	}
}

func TestPrintableWriterHoldsACutRune(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	w := newPrintableWriter(&out)
	in := []byte("Élo\x1bdie\n")
	for i := range in {
		if n, err := w.Write(in[i : i+1]); n != 1 || err != nil {
			t.Fatalf("write byte %d: %d, %v", i, n, err)
		}
	}
	if got := out.String(); got != "Élo␛die\n" {
		t.Errorf("byte by byte: %q", got)
	}
}
