package mailmerge

import (
	"fmt"
	"iter"

	"rollcall/model"
)

// accentedNames cover the characters a French or Spanish school list throws at a printer.
var accentedNames = []string{
	"Zoé Bénédicte Lefèvre", "François Œuvray-Çelik", "Jürgen Weiß", "Iñaki Muñoz Peña",
	"Anaïs Crémieux", "Noël Château", "Mårten Ångström", "Ugo Dupont",
}

// testCard returns the i-th generated card: every third one is activated, languages
// alternate, and names carry accents.
func testCard(i int) Card {
	code := fmt.Sprintf("%08d", i)
	code = string([]byte{'A' + byte(i%26), 'B', 'C', 'D'}) + "EF" + code[len(code)-2:]
	c := Card{
		OrgName:        "Collège Émile Zola",
		FullName:       fmt.Sprintf("%s %d", accentedNames[i%len(accentedNames)], i),
		Profile:        "Élève",
		Class:          fmt.Sprintf("3e %c", 'A'+i%4),
		Login:          fmt.Sprintf("user.%06d", i),
		ActivationCode: code,
		ActivationURL:  "https://rollcall.example/activate?c=" + code,
		ResetURL:       "https://rollcall.example/reset",
		Email:          fmt.Sprintf("user.%06d@example.org", i),
		Language:       model.French,
	}
	if i%2 == 1 {
		c.Language, c.Profile = model.English, "Student"
	}
	if i%3 == 2 {
		c.Activated, c.ActivationCode = true, ""
	}
	return c
}

// generated yields n test cards without holding them.
func generated(n int) CardSource {
	return SeqSource(n, func(yield func(Card, error) bool) {
		for i := range n {
			if !yield(testCard(i), nil) {
				return
			}
		}
	})
}

var _ iter.Seq2[Card, error] = generated(0).All()
