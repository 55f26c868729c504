package i18n

import (
	"testing"

	"rollcall/model"
)

// One of something is singular in French (0 too), in every count a sentence carries: the
// newcomer saw "1 fichiers", "… et 1 autres erreurs", "1 cartes sur 1 pages".
func TestFrenchCountsAgree(t *testing.T) {
	fr, en := For(model.French), For(model.English)
	for _, c := range []struct{ got, want string }{
		{fr.Phrase(1, fr.Import.AndMore), "… et 1 autre erreur"},
		{fr.Phrase(2, fr.Import.AndMore), "… et 2 autres erreurs"},
		{fr.Phrase(1, fr.Importers.AndMoreWarnings), "… et 1 autre avertissement"},
		{fr.Phrase(1, fr.ImportSync.AndOthers), "… et 1 autre"},
		{fr.Phrase(1, fr.Licensing.Subs.MoreKeys), "+1 autre"},
		{fr.Written(1, 1, "x.pdf"), "1 carte sur 1 page, dans x.pdf."},
		{fr.Written(25, 4, "x.pdf"), "25 cartes sur 4 pages, dans x.pdf."},
		{en.Written(1, 1, "x.pdf"), "1 card on 1 page written to x.pdf."},
		{en.Phrase(1, en.Import.AndMore), "… and 1 more error"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}
