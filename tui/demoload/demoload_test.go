package demoload

import (
	"testing"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
)

func TestSummaryCountsInTheLanguage(t *testing.T) {
	t.Parallel()
	s := app.DemoSummary{Orgs: 2, Classes: 26, Groups: 1, Subscriptions: 3,
		Users: map[model.Profile]int{model.Student: 1000, model.Teacher: 52}}
	tests := []struct {
		lang model.Language
		want string
	}{
		{model.English, "Demo school loaded: 1,052 users, 2 organizations, 26 classes, 1 group, 3 subscriptions. To try a claim: Subscriptions, c, then \"A demo code or serial\"."},
		{model.French, "Établissement de démonstration chargé : 1\u202f052 utilisateurs, 2 établissements, 26 classes, 1 groupe, 3 abonnements. Pour essayer une réclamation : Abonnements, c, puis « Un code ou numéro de série de démonstration »."},
	}
	for _, tt := range tests {
		if got := Summary(i18n.For(tt.lang), s); got != tt.want {
			t.Errorf("%s: %q\nwant %q", tt.lang, got, tt.want)
		}
	}
}
