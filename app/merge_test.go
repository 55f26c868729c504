package app

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rollcall/mailmerge"
	"rollcall/model"
)

func TestPreviewMergeCountsAndFirstCard(t *testing.T) {
	t.Parallel()
	f, admin := mergeFixture(t)
	ctx := context.Background()
	sel := model.Selection{ClassIDs: []model.ID{class6eA(t, f, admin)}, Profiles: []model.Profile{model.Student}}
	users := selectedUsers(t, f, admin, sel)
	var want MergeCounts
	var firstWithEmail *model.User
	for i := range users {
		want.Total++
		if users[i].Email != "" {
			want.WithEmail++
			if firstWithEmail == nil {
				firstWithEmail = &users[i]
			}
		}
		if users[i].Activated() {
			want.Activated++
		}
	}
	p, err := f.app.previewMerge(ctx, admin, sel, MergeOptions{ProfileLabel: frenchLabels})
	if err != nil {
		t.Fatal(err)
	}
	if p.Counts != want || want.Total != 25 || want.WithEmail == 0 {
		t.Fatalf("counts %+v, want %+v (25 students)", p.Counts, want)
	}
	first := users[0]
	if p.Card == nil || p.Card.Login != first.Login || p.Card.OrgName != "Collège Jean Moulin" ||
		p.Card.Class != "6e A" || p.Card.Profile != "Élève" || p.Card.Language != model.French {
		t.Fatalf("first card %+v, want %s of 6e A, Élève, in the admin's French", p.Card, first.Login)
	}
	if !strings.Contains(p.CardText, first.Login) || !strings.Contains(p.CardText, "Collège Jean Moulin") {
		t.Errorf("card text lacks the login or school:\n%s", p.CardText)
	}
	if p.Message == nil || p.Message.To != firstWithEmail.Email || !strings.Contains(p.Message.Text, firstWithEmail.Login) {
		t.Fatalf("first message %+v, want one to %s", p.Message, firstWithEmail.Email)
	}
	if firstWithEmail.Activated() && !strings.Contains(p.Message.Text, model.FormatCode(PreviewResetCode)) {
		t.Errorf("preview of a reset email lacks the placeholder code:\n%s", p.Message.Text)
	}
	if p.NoActivationURL {
		t.Error("NoActivationURL set although the fixture configures one")
	}
}

func TestCardsFollowLanguageAndActivation(t *testing.T) {
	t.Parallel()
	f, admin := mergeFixture(t)
	ctx := context.Background()
	sel := model.Selection{ClassIDs: []model.ID{class6eA(t, f, admin)}, Profiles: []model.Profile{model.Student}}
	users := selectedUsers(t, f, admin, sel)
	english := model.English
	if _, err := f.app.editUser(ctx, admin, users[0].ID, UserFields{Language: &english}, false); err != nil {
		t.Fatal(err)
	}
	m, err := f.app.newMerger(ctx, admin.Language, MergeOptions{ProfileLabel: frenchLabels}, "", admin.OrgIDs)
	if err != nil {
		t.Fatal(err)
	}
	u0, _ := f.store.User(ctx, users[0].ID)
	if c := m.card(&u0); c.Language != model.English || c.Profile != "Student" {
		t.Errorf("card of an English speaker: language %q, profile %q", c.Language, c.Profile)
	}
	var sawActivated, sawNot bool
	for _, u := range users {
		c := m.card(&u)
		reset, err := url.Parse(c.ResetURL)
		if err != nil || reset.Host != "comptes.example.fr" || reset.Path != "/ent/reset" || reset.Query().Get("login") != u.Login {
			t.Errorf("%s: reset URL %q", u.Login, c.ResetURL)
		}
		if u.Activated() {
			sawActivated = true
			if c.ActivationCode != "" || c.ActivationURL != "" || !c.Activated {
				t.Errorf("activated %s: card %+v carries an activation code or address", u.Login, c)
			}
			continue
		}
		sawNot = true
		act, err := url.Parse(c.ActivationURL)
		if err != nil || act.Path != "/ent/activate" || act.Query().Get("login") != u.Login ||
			act.Query().Get("code") != u.ActivationCode || c.ActivationCode != u.ActivationCode {
			t.Errorf("%s: activation URL %q, code %q", u.Login, c.ActivationURL, c.ActivationCode)
		}
	}
	if !sawActivated || !sawNot {
		t.Fatal("the class should hold activated and not activated students")
	}
}

func TestMergePDFPrintsEveryLoginAndCode(t *testing.T) {
	t.Parallel()
	f, admin := mergeFixture(t)
	ctx := context.Background()
	sel := model.Selection{ClassIDs: []model.ID{class6eA(t, f, admin)}, Profiles: []model.Profile{model.Student}}
	users := selectedUsers(t, f, admin, sel)
	first, last := "Zoé", "Løvås-Çelik"
	if _, err := f.app.editUser(ctx, admin, users[3].ID, UserFields{FirstName: &first, LastName: &last}, false); err != nil {
		t.Fatal(err)
	}
	users = selectedUsers(t, f, admin, sel) // the new name sorts elsewhere
	for _, perSheet := range []int{8, 1} {
		var buf bytes.Buffer
		var lastProgress [2]int
		res, err := f.app.mergePDF(ctx, admin, sel, mailmerge.Layout{PerSheet: perSheet}, MergeOptions{ProfileLabel: frenchLabels},
			&buf, func(done, total int) { lastProgress = [2]int{done, total} })
		if err != nil {
			t.Fatal(err)
		}
		wantPages := (len(users) + perSheet - 1) / perSheet
		if res.Cards != len(users) || res.Pages != wantPages || lastProgress != [2]int{wantPages, wantPages} {
			t.Errorf("%d per sheet: result %+v, last progress %v, want %d cards on %d pages", perSheet, res, lastProgress,
				len(users), wantPages)
		}
		path := filepath.Join(t.TempDir(), "cards.pdf")
		if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		if n := pdfPages(t, path); n != wantPages {
			t.Errorf("%d per sheet: pdfinfo says %d pages, want %d", perSheet, n, wantPages)
		}
		pages := pdfText(t, path)
		all := strings.Join(pages, "\n")
		for _, want := range []string{"Collège Jean Moulin", "Zoé Løvås-Çelik", "Élève"} {
			if !strings.Contains(all, want) {
				t.Errorf("%d per sheet: the PDF text lacks %q", perSheet, want)
			}
		}
		for i, u := range users {
			if !strings.Contains(all, u.Login) {
				t.Errorf("%d per sheet: login %s missing", perSheet, u.Login)
			}
			if perSheet == 1 {
				checkCardVariant(t, pages[i], u)
			}
		}
	}
}

// checkCardVariant checks a one-card page: the activation code for an account to activate,
// the reset procedure for an activated one.
func checkCardVariant(t *testing.T, page string, u model.User) {
	t.Helper()
	if !strings.Contains(page, u.Login) {
		t.Errorf("page of %s shows another card:\n%s", u.Login, page)
		return
	}
	hasCode := strings.Contains(page, "Code d’activation")
	if u.Activated() {
		if hasCode || !strings.Contains(page, "Votre compte est activé") {
			t.Errorf("card of activated %s is the activation variant:\n%s", u.Login, page)
		}
		return
	}
	if !hasCode || !strings.Contains(page, model.FormatCode(u.ActivationCode)) {
		t.Errorf("card of %s lacks its activation code %s:\n%s", u.Login, model.FormatCode(u.ActivationCode), page)
	}
}

func TestMergePDFSplitByClassPrintsEachPersonOnce(t *testing.T) {
	t.Parallel()
	f, admin := mergeFixture(t)
	ctx := context.Background()
	a6, err := f.app.findSet(ctx, admin, Classes, "6e A")
	if err != nil {
		t.Fatal(err)
	}
	b6, err := f.app.findSet(ctx, admin, Classes, "6e B")
	if err != nil {
		t.Fatal(err)
	}
	sel := model.Selection{ClassIDs: []model.ID{b6.ID, a6.ID}} // students and teachers of both, parents with their child
	users := selectedUsers(t, f, admin, sel)
	dir := t.TempDir()
	res, err := f.app.mergePDFSplit(ctx, admin, sel, mailmerge.Layout{PerSheet: 2}, MergeOptions{}, dir, "sans classe", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 2 || filepath.Base(res.Files[0]) != "6e A.pdf" || filepath.Base(res.Files[1]) != "6e B.pdf" {
		t.Fatalf("files %v, want 6e A.pdf then 6e B.pdf", res.Files)
	}
	seen := map[string]int{}
	pages := 0
	for _, path := range res.Files {
		pages += pdfPages(t, path)
		text := strings.Join(pdfText(t, path), "\n")
		for _, u := range users {
			if hasLogin(text, u.Login) {
				seen[u.Login]++
			}
		}
	}
	if pages != res.Pages {
		t.Errorf("pdfinfo counts %d pages, the result %d", pages, res.Pages)
	}
	for _, u := range users {
		if seen[u.Login] != 1 {
			t.Errorf("%s (%s, %d classes) printed in %d files, want 1", u.Login, u.Profile, len(u.ClassIDs), seen[u.Login])
		}
	}
}

func TestMergePDFCancelAndMissingAddress(t *testing.T) {
	t.Parallel()
	f, admin := mergeFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	var pagesSeen int
	_, err := f.app.mergePDF(ctx, admin, model.Selection{}, mailmerge.Layout{PerSheet: 1}, MergeOptions{}, &bytes.Buffer{},
		func(done, _ int) {
			pagesSeen = done
			if done == 3 {
				cancel()
			}
		})
	if !errors.Is(err, context.Canceled) || pagesSeen != 3 {
		t.Fatalf("cancelled after 3 pages: err %v after %d pages", err, pagesSeen)
	}

	empty := ""
	if _, err := setMailEverywhere(f.app, context.Background(), admin, MailSettingsChange{ActivationURL: &empty}, false); err != nil {
		t.Fatal(err)
	}
	_, err = f.app.mergePDF(context.Background(), admin, model.Selection{}, mailmerge.Layout{}, MergeOptions{}, &bytes.Buffer{}, nil)
	if !errors.Is(err, model.ErrNoActivationURL) {
		t.Errorf("without an activation address: %v, want ErrNoActivationURL", err)
	}
	res, err := f.app.mergePDF(context.Background(), admin, model.Selection{Text: "zzzz-nobody"}, mailmerge.Layout{},
		MergeOptions{ActivationURL: "https://other.example.org"}, &bytes.Buffer{}, nil)
	if !errors.Is(err, mailmerge.ErrNoCards) || res.Cards != 0 {
		t.Errorf("empty selection: %+v, %v; want ErrNoCards", res, err)
	}
}

// hasLogin finds "Identifiant : login" as a whole word (login "jean.dupont" is not in
// "jean.dupont2").
func hasLogin(text, login string) bool {
	for rest := text; ; {
		i := strings.Index(rest, "Identifiant : "+login)
		if i < 0 {
			return false
		}
		rest = rest[i+len("Identifiant : "+login):]
		if rest == "" || rest[0] == '\n' || rest[0] == ' ' {
			return true
		}
	}
}
