package model

import (
	"slices"
	"strings"
	"time"
)

// Tri is a three-way filter: everyone, only those with the property, only those without.
type Tri uint8

// The values of a Tri filter.
const (
	TriAll Tri = iota
	TriYes
	TriNo
)

// PendingMode says how users pending deletion are treated by a selection.
type PendingMode uint8

// Pending deletion modes; excluded by default.
const (
	PendingExclude PendingMode = iota
	PendingInclude
	PendingOnly
)

// SortOrder is how a selection is ordered.
type SortOrder uint8

// Sort orders: by name (last, first), by profile then name, by class then name.
const (
	SortByName SortOrder = iota
	SortByProfile
	SortByClass
)

// Selection is a set of directory filters plus a sort order. It is a plain value: the users
// screen builds it, the CLI parses it from flags, the mail merge prints it, and it can be saved.
// The zero Selection selects every user not pending deletion, by name.
type Selection struct {
	Profiles    []Profile   `json:"profiles,omitempty"`  // any of these; empty: all
	ClassIDs    []ID        `json:"class_ids,omitempty"` // member of any of these, or a parent of one; empty: all
	Levels      []string    `json:"levels,omitempty"`    // in a class of any of these levels ("6e"), or a parent of one
	OwnClass    bool        `json:"own_class,omitempty"` // classes and levels reach their own members only, no parent
	GroupIDs    []ID        `json:"group_ids,omitempty"` // member of any of these; empty: all
	OrgIDs      []ID        `json:"org_ids,omitempty"`   // in any of these; empty: all
	Functions   []string    `json:"functions,omitempty"` // a function of any of these families ("DIR"); empty: all
	Activation  Tri         `json:"activation,omitempty"`
	Email       Tri         `json:"email,omitempty"`
	LocalAdmins bool        `json:"local_admins,omitempty"` // only local admins
	CreatedFrom Date        `json:"created_from,omitzero"`  // inclusive
	CreatedTo   Date        `json:"created_to,omitzero"`    // inclusive
	Pending     PendingMode `json:"pending,omitempty"`
	Suspended   Tri         `json:"suspended,omitempty"` // suspended accounts: all, only, or none
	Text        string      `json:"text,omitempty"`      // in name, login or email; accents and case ignored
	Sort        SortOrder   `json:"sort,omitempty"`
}

// Related is what a selection needs to know beyond one user: their children (nil when gone),
// and the level of a class. A parent is in a class (or a level) through their children.
type Related struct {
	Child      func(id ID) *User
	ClassLevel func(id ID) string
}

// Matches is MatchesWith knowing no children and no levels.
func (s *Selection) Matches(u *User, loc *time.Location) bool {
	return s.MatchesWith(u, loc, Related{})
}

// inClasses reports whether u, or one of u's children, is in a class pick accepts.
func inClasses(u *User, rel Related, pick func(ID) bool) bool {
	if slices.ContainsFunc(u.ClassIDs, pick) {
		return true
	}
	if rel.Child == nil {
		return false
	}
	for _, id := range u.ChildIDs {
		if c := rel.Child(id); c != nil && slices.ContainsFunc(c.ClassIDs, pick) {
			return true
		}
	}
	return false
}

// MatchesWith is the reference meaning of a selection for one user. The directory index answers
// the same question faster; a test holds the two to the same answers.
func (s *Selection) MatchesWith(u *User, loc *time.Location, rel Related) bool {
	if s.OwnClass {
		rel.Child = nil
	}
	inLevel := func(id ID) bool {
		return rel.ClassLevel != nil && slices.ContainsFunc(s.Levels, func(l string) bool { return strings.EqualFold(l, rel.ClassLevel(id)) })
	}
	switch {
	case len(s.Profiles) > 0 && !slices.Contains(s.Profiles, u.Profile),
		len(s.OrgIDs) > 0 && !slices.Contains(s.OrgIDs, u.OrgID),
		len(s.ClassIDs) > 0 && !inClasses(u, rel, func(id ID) bool { return slices.Contains(s.ClassIDs, id) }),
		len(s.Levels) > 0 && !inClasses(u, rel, inLevel),
		len(s.GroupIDs) > 0 && !anyIn(u.GroupIDs, s.GroupIDs),
		len(s.Functions) > 0 && !u.HasFunction(s.Functions),
		s.Activation == TriYes && !u.Activated(), s.Activation == TriNo && u.Activated(),
		s.Email == TriYes && u.Email == "", s.Email == TriNo && u.Email != "",
		s.LocalAdmins && !u.LocalAdmin,
		s.Pending == PendingExclude && u.PendingDeletion(), s.Pending == PendingOnly && !u.PendingDeletion(),
		s.Suspended == TriYes && !u.Suspended(), s.Suspended == TriNo && u.Suspended():
		return false
	}
	if !s.CreatedFrom.IsZero() || !s.CreatedTo.IsZero() {
		created := DateOf(u.CreatedAt.In(loc))
		if (!s.CreatedFrom.IsZero() && created.Before(s.CreatedFrom)) || (!s.CreatedTo.IsZero() && s.CreatedTo.Before(created)) {
			return false
		}
	}
	if words := SearchWords(s.Text); len(words) > 0 {
		hay := SearchText(u)
		for _, w := range words {
			if !strings.Contains(hay, w) {
				return false
			}
		}
	}
	return true
}

// SearchWords splits a free-text filter into folded words; a user matches when every word
// appears somewhere in their SearchText, so "marie dupont" finds Dupont Marie.
func SearchWords(text string) []string { return strings.Fields(Fold(text)) }

// SearchText is the folded text a free-text filter looks in: last name, first name, login and
// email, separated so a search cannot match across two fields.
func SearchText(u *User) string { return string(AppendSearchText(nil, u)) }

// AppendSearchText appends SearchText(u) to dst without allocating when dst has room: building
// the directory index calls it a million times.
func AppendSearchText(dst []byte, u *User) []byte {
	for i, s := range [4]string{u.LastName, u.FirstName, u.Login, u.Email} {
		if i > 0 {
			dst = append(dst, 1)
		}
		dst = AppendFold(dst, s)
	}
	return dst
}

func anyIn(have, want []ID) bool {
	for _, h := range have {
		if slices.Contains(want, h) {
			return true
		}
	}
	return false
}
