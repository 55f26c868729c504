package mailmerge

import (
	"strings"
	"testing"

	"rollcall/model"
)

func TestCardText(t *testing.T) {
	card := Card{OrgName: "Collège Émile Zola", FullName: "Zoé Løvås", Profile: "Élève", Login: "zoe.lovas",
		ActivationCode: "ABCDEFGH", ActivationURL: "https://example.org/activate", Language: model.French}
	var tpl *Templates
	got, err := tpl.CardText(card)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Collège Émile Zola", "Zoé Løvås", "zoe.lovas", "ABCD-EFGH", "Code d’activation"} {
		if !strings.Contains(got, want) {
			t.Errorf("card text lacks %q:\n%s", want, got)
		}
	}
	card.Activated, card.ActivationCode, card.Language = true, "", model.English
	got, err = DefaultTemplates().CardText(card)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "Your account is activated") || strings.Contains(got, "ABCD") {
		t.Errorf("activated card text:\n%s", got)
	}
}
