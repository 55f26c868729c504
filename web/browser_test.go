package web

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/mailmerge"
	"rollcall/mailmerge/smtptest"
	"rollcall/model"
)

// browserTools skips the test when chromium, pdftoppm or zbarimg is missing (.ci/run installs
// them: chromium, poppler-utils, zbar-tools).
func browserTools(t *testing.T) string {
	t.Helper()
	for _, tool := range []string{"pdftoppm", "zbarimg"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed: skipping the browser test", tool)
		}
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium not installed (Debian package chromium): skipping the browser test")
	return ""
}

// screenshots is where the pages' pictures go: $ROLLCALL_SCREENSHOTS, else the test's folder.
func screenshots(t *testing.T) string {
	if dir := os.Getenv("ROLLCALL_SCREENSHOTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

// cardURL prints one person's login card with Rollcall's mail merge and reads its QR code back
// from the PDF, as a phone's camera would.
func cardURL(t *testing.T, s *site, u model.User) string {
	t.Helper()
	dir := t.TempDir()
	pdf := filepath.Join(dir, "card.pdf")
	f, err := os.Create(pdf)
	if err != nil {
		t.Fatal(err)
	}
	label := func(p model.Profile, l model.Language) string { return i18n.For(l).Profile(p) }
	sel := model.Selection{OrgIDs: []model.ID{u.OrgID}, Text: u.Login}
	res, err := s.as.MergePDF(context.Background(), sel, mailmerge.Layout{PerSheet: 1},
		app.MergeOptions{ProfileLabel: label}, f, nil)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil || res.Cards != 1 {
		t.Fatalf("print the card: %+v, %v", res, err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "150", "-png", pdf, filepath.Join(dir, "card")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "card*.png"))
	if len(pngs) == 0 {
		t.Fatal("pdftoppm wrote no image")
	}
	out, err := exec.Command("zbarimg", "--raw", "-q", pngs[0]).Output()
	if err != nil {
		t.Fatalf("zbarimg found no QR code on the card: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// The whole way of a pupil, in a real browser at a phone's width: the card's QR code opens the
// activation page with login and code filled in, the rules tick as the password is typed, the
// account is activated, signed in, the password changed, signed out, then reset by email; and a
// second pupil does it in English.
func TestBrowserFromCardToResetAtPhoneWidth(t *testing.T) {
	chrome := browserTools(t)
	shots := screenshots(t)
	s := newSite(t, Config{}, cheapArgon2)
	smtp := smtptest.Start(t, smtptest.Options{})
	s.useSMTP(smtp)
	u := s.person(model.Selection{Activation: model.TriNo, Profiles: []model.Profile{model.Student}, Email: model.TriYes})
	qr := cardURL(t, s, u)
	if !strings.HasPrefix(qr, s.srv.URL+"/activate?") {
		t.Fatalf("the card's QR code says %q, want this server's /activate", qr)
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox,
		chromedp.WindowSize(390, 844))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(bctx); err != nil { // start the browser without a deadline
		t.Fatalf("start chromium: %v", err)
	}
	ctx, cancel := context.WithTimeout(bctx, 90*time.Second)
	defer cancel()
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			png, err := chromedp.FullScreenshot(100)(ctx, tg)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644)
		})
	}
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		start := time.Now()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		t.Logf("%s: %v", what, time.Since(start).Round(time.Millisecond))
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(css(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return s
	}
	value := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Value(css(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return s
	}
	do("a French phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{
				UserAgent:      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
				AcceptLanguage: "fr-FR,fr;q=0.9"})
			return err
		}))

	do("open the card's address", chromedp.Navigate(qr), chromedp.WaitVisible(css("#password")), shot("1-activate-fr"))
	org, _ := s.store.Org(context.Background(), u.OrgID)
	if got := text("header .school"); got != org.Name {
		t.Errorf("the activation page names the school %q, want %q", got, org.Name)
	}
	if login, code := value("#login"), value("#code"); login != u.Login || code != u.ActivationCode {
		t.Fatalf("the card's link filled in %q / %q", login, code)
	}
	do("type a password", chromedp.SendKeys(css("#password"), "Premier1mdp"), shot("2-rules-met-fr"))
	if met, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#rules li.met").length`)); err != nil || met != 3 {
		t.Errorf("%d rules ticked while typing a password that meets all three (%v)", met, err)
	}
	do("activate",
		chromedp.SendKeys(css("#confirm"), "Premier1mdp"),
		chromedp.Click(css("form button[type=submit]")),
		chromedp.WaitVisible(css("#notice")),
		shot("3-activated-fr"))
	if got := text("#notice"); !strings.Contains(got, "est prêt") {
		t.Errorf("after activation: %q", got)
	}
	do("sign in",
		chromedp.Click(css("a.button")),
		chromedp.WaitVisible(css("#password")),
		chromedp.SendKeys(css("#password"), "Premier1mdp"),
		chromedp.Submit(css("#password")),
		chromedp.WaitVisible(css("#school")),
		shot("4-account-fr"))
	if got := text("#school"); got != org.Name {
		t.Errorf("the account page's school: %q", got)
	}
	if got := text("header .school"); got != org.Name {
		t.Errorf("the page header's school: %q", got)
	}
	do("type the passwords",
		chromedp.SendKeys(css("#current"), "Premier1mdp"),
		chromedp.SendKeys(css("#password"), "Second2mdp"),
		chromedp.SendKeys(css("#confirm"), "Second2mdp"))
	do("change the password",
		chromedp.Click(css(`form[action="/account/password"] button`)),
		chromedp.WaitVisible(css("#notice")),
		shot("5-password-changed-fr"))
	do("sign out",
		chromedp.Click(css("nav button.link")),
		chromedp.WaitVisible(css(`form[action="/login"]`)), // the account page had a notice too
		shot("6-signed-out-fr"))
	if got := text("#notice"); !strings.Contains(got, "déconnecté") {
		t.Errorf("after signing out: %q", got)
	}

	do("ask for a reset code",
		chromedp.Navigate(s.srv.URL+"/reset"),
		chromedp.WaitVisible(css("#req-login")),
		chromedp.SendKeys(css("#req-login"), u.Login),
		chromedp.Click(css(`form[action="/reset/request"] button`)),
		chromedp.WaitVisible(css("#notice")),
		shot("7-reset-emailed-fr"))
	msgs := smtp.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d reset emails", len(msgs))
	}
	do("follow the email's link",
		chromedp.Navigate(resetLink.FindString(msgs[0].Text)),
		chromedp.WaitVisible(css("#code")),
		chromedp.SendKeys(css(`form[action="/reset"] #password`), "Troisieme3"),
		chromedp.SendKeys(css("#confirm"), "Troisieme3"),
		chromedp.Click(css(`form[action="/reset"] button`)),
		chromedp.WaitVisible(css("#notice")),
		shot("8-reset-done-fr"))
	if _, err := s.app.PersonSignIn(context.Background(), u.Login, "Troisieme3", ""); err != nil {
		t.Errorf("sign in with the password set through the email's link: %v", err)
	}

	v := s.person(model.Selection{Activation: model.TriNo, Profiles: []model.Profile{model.Student}})
	do("the second pupil, in English",
		chromedp.Navigate(cardURL(t, s, v)),
		chromedp.WaitVisible(css("#password")),
		chromedp.Click(css(`nav a[hreflang="en"]`)),
		chromedp.WaitVisible(css(`nav a[hreflang="fr"]`)),
		chromedp.SendKeys(css("#password"), "abc"),
		shot("9-activate-en-typing"),
		chromedp.SendKeys(css("#password"), "defgh1"),
		chromedp.SendKeys(css("#confirm"), "abcdefgh1"),
		chromedp.Click(css("form button[type=submit]")),
		chromedp.WaitVisible(css("#notice")),
		shot("10-activated-en"))
	lang, err := chromedp.Run(ctx, chromedp.AttributeValue(css("html"), "lang"))
	if got := text("#notice"); err != nil || lang.Value != "en" || !strings.Contains(got, "is ready") {
		t.Errorf("in English: lang %q (%v), %q", lang.Value, err, got)
	}
	names, _ := filepath.Glob(filepath.Join(shots, "*.png"))
	if len(names) < 10 {
		t.Errorf("%d screenshots in %s", len(names), shots)
	}
	t.Logf("screenshots in %s", shots)
}
