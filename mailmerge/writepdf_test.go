package mailmerge

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"rollcall/model"
)

func TestPageCountAndSize(t *testing.T) {
	t.Parallel()
	const n = 11
	for _, paper := range []struct {
		paper Paper
		w, h  float64
	}{{A4, 595.276, 841.89}, {Letter, 612, 792}} {
		for _, per := range []int{1, 2, 8} {
			t.Run(fmt.Sprintf("%s/%d", paper.paper, per), func(t *testing.T) {
				t.Parallel()
				info := readPDFInfo(t, writeTestPDF(t, generated(n), Layout{PerSheet: per, Paper: paper.paper}, nil))
				if want := (n + per - 1) / per; info.pages != want {
					t.Errorf("pages = %d, want %d", info.pages, want)
				}
				if math.Abs(info.width-paper.w) > 0.01 || math.Abs(info.height-paper.h) > 0.01 {
					t.Errorf("page size %v x %v, want %v x %v", info.width, info.height, paper.w, paper.h)
				}
			})
		}
	}
}

// TestCardTexts reads each card back (one per page) and checks what a person would see:
// name with accents intact, login, the variant for the activation state, the language.
func TestCardTexts(t *testing.T) {
	t.Parallel()
	var cards []Card
	for i := range 12 {
		c := testCard(i)
		if c.Activated {
			c.ActivationCode = "ZZZZYYYY" // must not print once activated
		}
		cards = append(cards, c)
	}
	pages := pdfPagesText(t, writeTestPDF(t, SliceSource(cards), Layout{PerSheet: 1}, nil))
	if len(pages) != len(cards) {
		t.Fatalf("%d pages of text, want %d", len(pages), len(cards))
	}
	for i, c := range cards {
		page := pages[i]
		want := []string{c.FullName, c.Login, c.OrgName, c.Profile + " · " + c.Class}
		var unwanted []string
		switch {
		case c.Activated && c.Language == model.French:
			want = append(want, "Votre compte est activé", "Mot de passe oublié", c.ResetURL)
			unwanted = []string{"ZZZZ-YYYY", "Code d’activation", "Activation code"}
		case c.Activated:
			want = append(want, "Your account is activated", "Forgot your password", c.ResetURL)
			unwanted = []string{"ZZZZ-YYYY", "Code d’activation", "Activation code"}
		case c.Language == model.French:
			want = append(want, "Code d’activation", model.FormatCode(c.ActivationCode), "Identifiant")
			unwanted = []string{"Activation code", "Mot de passe oublié"}
		default:
			want = append(want, "Activation code", model.FormatCode(c.ActivationCode), "Login:")
			unwanted = []string{"Code d’activation", "Forgot your password"}
		}
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("card %d (%s, activated %v) lacks %q:\n%s", i, c.Language, c.Activated, w, page)
			}
		}
		for _, u := range unwanted {
			if strings.Contains(page, u) {
				t.Errorf("card %d (%s, activated %v) shows %q:\n%s", i, c.Language, c.Activated, u, page)
			}
		}
	}
}

// TestEveryLoginAndCodeAt8PerSheet checks that nothing is lost when 8 cards share a sheet
// and every accented character survives extraction.
func TestEveryLoginAndCodeAt8PerSheet(t *testing.T) {
	t.Parallel()
	const n = 40
	pages := pdfPagesText(t, writeTestPDF(t, generated(n), Layout{PerSheet: 8, Paper: Letter}, nil))
	text := strings.Join(pages, "\n")
	for i := range n {
		c := testCard(i)
		if !strings.Contains(text, c.Login) {
			t.Errorf("login %s missing", c.Login)
		}
		if !c.Activated && !strings.Contains(text, model.FormatCode(c.ActivationCode)) {
			t.Errorf("code %s of %s missing", model.FormatCode(c.ActivationCode), c.Login)
		}
	}
	for _, ch := range []string{"é", "è", "ç", "Œ", "ß", "ñ", "Å", "ï"} {
		if !strings.Contains(text, ch) {
			t.Errorf("%q lost in extraction", ch)
		}
	}
}

// TestQRCodesDecode proves the vector QR codes are real: rasterized at 150 dpi, zbarimg
// reads back the activation address of every not-activated card of the sheet.
func TestQRCodesDecode(t *testing.T) {
	t.Parallel()
	path := writeTestPDF(t, generated(8), Layout{PerSheet: 8}, nil)
	got := decodeQRCodes(t, path, 1)
	var want []string
	for i := range 8 {
		if c := testCard(i); !c.Activated {
			want = append(want, c.ActivationURL)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("decoded %q\nwant    %q", got, want)
	}
}

func TestProgressAndCancel(t *testing.T) {
	t.Parallel()
	var calls [][2]int
	err := WritePDF(context.Background(), &bytes.Buffer{}, generated(20), Layout{PerSheet: 8}, nil, func(done, total int) {
		calls = append(calls, [2]int{done, total})
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := [][2]int{{1, 3}, {2, 3}, {3, 3}}; !slices.Equal(calls, want) {
		t.Errorf("progress calls %v, want %v", calls, want)
	}

	ctx, cancel := context.WithCancel(context.Background())
	src := SeqSource(-1, func(yield func(Card, error) bool) {
		for i := 0; ; i++ { // endless: only cancellation stops it
			if i == 100 {
				cancel()
			}
			if !yield(testCard(i), nil) {
				return
			}
		}
	})
	if err := WritePDF(ctx, &bytes.Buffer{}, src, Layout{}, nil, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestSourceError(t *testing.T) {
	t.Parallel()
	boom := errors.New("store read failed")
	src := SeqSource(-1, func(yield func(Card, error) bool) {
		for i := range 30 {
			if !yield(testCard(i), nil) {
				return
			}
		}
		yield(Card{}, boom)
	})
	if err := WritePDF(context.Background(), &bytes.Buffer{}, src, Layout{}, nil, nil); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
}

func TestNoCards(t *testing.T) {
	t.Parallel()
	if err := WritePDF(context.Background(), &bytes.Buffer{}, SliceSource(nil), Layout{}, nil, nil); !errors.Is(err, ErrNoCards) {
		t.Fatalf("err = %v, want ErrNoCards", err)
	}
}

func TestBadLayout(t *testing.T) {
	t.Parallel()
	for _, l := range []Layout{{PerSheet: 3}, {PerSheet: -1}, {Paper: Paper(7)}} {
		var le *LayoutError
		if err := WritePDF(context.Background(), &bytes.Buffer{}, generated(1), l, nil, nil); !errors.As(err, &le) {
			t.Errorf("%+v: err = %v, want *LayoutError", l, err)
		}
	}
}

// TestTemplateErrorWhileRendering: a template that fails only on some data passes the load
// check, and WritePDF then reports the file and line instead of panicking.
func TestTemplateErrorWhileRendering(t *testing.T) {
	t.Parallel()
	tpl, err := ParseTemplates(map[string]string{
		"fr/card.tmpl": "# {{.FullName}}\n{{if eq .Login \"user.000004\"}}{{index .Login 99}}{{end}}\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	err = WritePDF(context.Background(), &bytes.Buffer{}, generated(10), Layout{}, tpl, nil)
	var te *TemplateError
	if !errors.As(err, &te) || te.Name != "fr/card.tmpl" || te.Line != 2 {
		t.Fatalf("err = %v, want a *TemplateError at fr/card.tmpl:2", err)
	}
	if !strings.Contains(err.Error(), "user.000004") {
		t.Errorf("error %q does not name the card", err)
	}
}

// TestOverlongTextShrinks: an admin's wordy template still gives one card per card, with the
// text smaller and nothing crashing.
func TestOverlongTextShrinks(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Un texte très long pour voir ce qui se passe quand ça déborde. ", 30)
	tpl, err := ParseTemplates(map[string]string{"fr/card.tmpl": "# {{.FullName}}\n" + long + "\n> " + long + "\nFIN {{.Login}}\n"})
	if err != nil {
		t.Fatal(err)
	}
	path := writeTestPDF(t, generated(4), Layout{PerSheet: 2}, tpl)
	if info := readPDFInfo(t, path); info.pages != 2 {
		t.Errorf("pages = %d, want 2", info.pages)
	}
	text := strings.Join(pdfPagesText(t, path), "")
	if !strings.Contains(text, testCard(0).FullName) {
		t.Error("the first line of an overflowing card is missing")
	}
}
