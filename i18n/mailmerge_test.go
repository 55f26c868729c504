package i18n

import (
	"fmt"
	"strings"
	"testing"

	"rollcall/mailmerge"
	"rollcall/model"
)

func TestMailMergeErrorsAreTranslated(t *testing.T) {
	pause := model.CampaignPause{Phase: "AUTH", Code: 535, Reply: "5.7.8 Authentication failed"}
	cases := []struct {
		err  error
		want []string
	}{
		{&model.AccountCodeError{Login: "zoe.lovas", Err: model.ErrCodeUsed}, []string{"zoe.lovas"}},
		{fmt.Errorf("activate: %w", &model.AccountCodeError{Login: "zoe.lovas", Err: model.ErrCodeExpired}), []string{"zoe.lovas"}},
		{&model.CampaignPausedError{CampaignID: 7, Pause: pause}, []string{"7", "535", "Authentication failed"}},
		{mailmerge.TemplateErrors{{Name: "fr/card.tmpl", Line: 3, Message: "unexpected EOF"}}, []string{"fr/card.tmpl:3", "unexpected EOF"}},
		{&mailmerge.LayoutError{Field: "PerSheet", Value: 3}, []string{"3"}},
		{model.ErrNoActivationURL, []string{"--activation-url"}},
	}
	for _, lang := range model.Languages {
		cat := For(lang)
		for _, c := range cases {
			got := cat.Error(c.err)
			if strings.HasPrefix(got, strings.SplitN(cat.Errors.Internal, "%", 2)[0]) {
				t.Errorf("%s: %v is not translated: %s", lang, c.err, got)
			}
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s: %q lacks %q", lang, got, w)
				}
			}
		}
		expired := cat.Error(&model.AccountCodeError{Login: "x", Err: model.ErrCodeExpired})
		used := cat.Error(&model.AccountCodeError{Login: "x", Err: model.ErrCodeUsed})
		if expired == used {
			t.Errorf("%s: expired and used codes read the same: %s", lang, used)
		}
	}
}

// TestWrittenSplitCountsItsFiles: one file of cards says "1 fichier", not "1 fichiers".
func TestWrittenSplitCountsItsFiles(t *testing.T) {
	if got, want := For(model.French).WrittenSplit(30, 15, 1, "out"), "30 cartes sur 15 pages, dans 1 fichier de out."; got != want {
		t.Errorf("French: %q, want %q", got, want)
	}
	if got, want := For(model.English).WrittenSplit(1200, 600, 3, "out"), "1,200 cards on 600 pages written to 3 files in out."; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
}
