package seats

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
)

// syncForm asks where to sync from, then which organization, class, group, profile,
// organizational unit or group.
func (m *Model) syncForm() tea.Cmd {
	t := m.sess.Cat.Licensing.Sync
	m.fv = &formValues{source: srcRoster, profile: model.Teacher}
	fv := m.fv
	google, microsoft := m.sess.App.Directories()
	label := func(s string, ok bool) string {
		if !ok {
			return s + " " + t.NotConfigured
		}
		return s
	}
	sources := huh.NewSelect[string]().Key("source").Title(t.Choose).Value(&fv.source).Options(
		huh.NewOption(t.Roster, srcRoster), huh.NewOption(t.Class, srcClass), huh.NewOption(t.Group, srcGroup),
		huh.NewOption(t.Profile, srcProfile), huh.NewOption(label(t.GoogleOU, google), srcGoogleOU),
		huh.NewOption(label(t.GoogleGroup, google), srcGoogleGroup), huh.NewOption(label(t.Microsoft, microsoft), srcMicrosoft))
	is := func(srcs ...string) func() bool {
		return func() bool {
			for _, s := range srcs {
				if fv.source == s {
					return false
				}
			}
			return true
		}
	}
	if len(m.choices.orgs) > 0 {
		fv.org = m.choices.orgs[0].ID
	}
	groups := []*huh.Group{
		huh.NewGroup(sources).Title(m.sess.Cat.Licensing.Seats.Sync),
		huh.NewGroup(huh.NewSelect[model.ID]().Key("org").Title(t.Pick).Options(m.orgOptions(false)...).Value(&fv.org)).
			WithHideFunc(is(srcRoster)),
		huh.NewGroup(huh.NewSelect[model.ID]().Key("class").Title(t.Class).Options(m.setOptions(m.choices.classes)...).Value(&fv.class)).
			WithHideFunc(is(srcClass)),
		huh.NewGroup(huh.NewSelect[model.ID]().Key("group").Title(t.Group).Options(m.setOptions(m.choices.groups)...).Value(&fv.group)).
			WithHideFunc(is(srcGroup)),
		huh.NewGroup(huh.NewSelect[model.Profile]().Key("profile").Title(t.Profile).Options(m.profileOptions()...).Value(&fv.profile),
			huh.NewSelect[model.ID]().Key("profile_org").Title(t.Pick).Options(m.orgOptions(false)...).Value(&fv.org)).
			WithHideFunc(is(srcProfile)),
		huh.NewGroup(huh.NewInput().Key("ou").Title(t.OrgUnit).Description(t.OrgUnitHint).Value(&fv.ou).Validate(m.sess.Required(t.OrgUnit))).
			WithHideFunc(is(srcGoogleOU)),
		huh.NewGroup(huh.NewInput().Key("gemail").Title(t.GroupEmail).Value(&fv.groupEmail).Validate(m.sess.Required(t.GroupEmail))).
			WithHideFunc(is(srcGoogleGroup)),
		huh.NewGroup(huh.NewInput().Key("gid").Title(t.GroupID).Value(&fv.groupID).Validate(m.sess.Required(t.GroupID))).
			WithHideFunc(is(srcMicrosoft)),
	}
	if f := m.notifyFields(); f != nil {
		groups = append(groups, huh.NewGroup(f...))
	}
	return m.openForm(formSync, groups...)
}

// orgOptions lists the admin's organizations, and "All organizations" first when all is set.
func (m *Model) orgOptions(all bool) []huh.Option[model.ID] {
	var opts []huh.Option[model.ID]
	if all {
		opts = append(opts, huh.NewOption(m.sess.Cat.Licensing.Subs.AllOrgs, model.ID(0)))
	}
	for _, o := range m.choices.orgs {
		opts = append(opts, huh.NewOption(o.Name, o.ID))
	}
	if len(opts) == 0 {
		opts = append(opts, huh.NewOption("—", model.ID(0)))
	}
	return opts
}

// setOptions lists classes or groups, with their school when the admin has several.
func (m *Model) setOptions(sets []app.ClassInfo) []huh.Option[model.ID] {
	names := map[model.ID]string{}
	for _, o := range m.choices.orgs {
		names[o.ID] = o.Name
	}
	var opts []huh.Option[model.ID]
	for _, s := range sets {
		label := s.Name
		if len(m.choices.orgs) > 1 {
			label += " · " + names[s.OrgID]
		}
		opts = append(opts, huh.NewOption(label, s.ID))
	}
	if len(opts) == 0 {
		opts = append(opts, huh.NewOption("—", model.ID(0)))
	}
	return opts
}

func (m *Model) profileOptions() []huh.Option[model.Profile] {
	var opts []huh.Option[model.Profile]
	for _, p := range model.Profiles {
		opts = append(opts, huh.NewOption(m.sess.Cat.Profile(p), p))
	}
	return opts
}

// syncSource turns the sync form's answers into a source.
func (m *Model) syncSource() app.SyncSource {
	fv := m.fv
	switch fv.source {
	case srcRoster:
		return app.SyncSource{Kind: model.SeatRoster, OrgID: fv.org}
	case srcClass:
		return app.SyncSource{Kind: model.SeatSelection, Selection: model.Selection{ClassIDs: []model.ID{fv.class}, OwnClass: true}}
	case srcGroup:
		return app.SyncSource{Kind: model.SeatSelection, Selection: model.Selection{GroupIDs: []model.ID{fv.group}}}
	case srcProfile:
		sel := model.Selection{Profiles: []model.Profile{fv.profile}}
		if fv.org != 0 {
			sel.OrgIDs = []model.ID{fv.org}
		}
		return app.SyncSource{Kind: model.SeatSelection, Selection: sel}
	case srcGoogleOU:
		return app.SyncSource{Kind: model.SeatGoogle, OrgUnit: strings.TrimSpace(fv.ou)}
	case srcGoogleGroup:
		return app.SyncSource{Kind: model.SeatGoogle, Group: strings.TrimSpace(fv.groupEmail)}
	}
	return app.SyncSource{Kind: model.SeatMicrosoft, Group: strings.TrimSpace(fv.groupID)}
}
