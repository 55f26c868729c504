package screen

import "rollcall/i18n"

// Area is one part of Rollcall the home screen lists. Later issues give each its own screen.
type Area int

// The areas, in the order the home screen lists them.
const (
	AreaSubscriptions Area = iota
	AreaUsers
	AreaClasses
	AreaImports
	AreaMailMerge
	AreaAdmins
)

// Areas lists every area in display order. It is a function so no shared slice can be changed.
func Areas() []Area {
	return []Area{AreaSubscriptions, AreaUsers, AreaClasses, AreaImports, AreaMailMerge, AreaAdmins}
}

// Title names the area in the catalogue's language.
func (a Area) Title(cat *i18n.Catalog) string {
	h := cat.Home
	return [...]string{h.Subscriptions, h.Users, h.Classes, h.Imports, h.MailMerge, h.Admins}[a]
}

// Help says in one line what the area is for.
func (a Area) Help(cat *i18n.Catalog) string {
	h := cat.Home
	return [...]string{h.SubscriptionsHelp, h.UsersHelp, h.ClassesHelp, h.ImportsHelp, h.MailMergeHelp, h.AdminsHelp}[a]
}
