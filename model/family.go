package model

import (
	"fmt"
	"slices"
)

// LinkProblem says why a parent cannot be linked to a child.
type LinkProblem uint8

// The link problems.
const (
	LinkNotParent   LinkProblem = iota + 1 // the first account is not a parent
	LinkSelf                               // an account linked to itself
	LinkOtherSchool                        // the two are in different schools
)

// LinkError refuses to link (or unlink) a parent and a child; Login names the account at fault.
type LinkError struct {
	Problem LinkProblem
	Login   string
}

func (e *LinkError) Error() string { return fmt.Sprintf("link %s: problem %d", e.Login, e.Problem) }

// Is makes it an invalid input.
func (e *LinkError) Is(target error) bool { return target == ErrInvalid }

// ErrorKind: invalid input (exit code 3).
func (e *LinkError) ErrorKind() Kind { return KindInvalid }

// ErrorMessage is its sentence.
func (e *LinkError) ErrorMessage() Message {
	return Message{ID: MsgLink, Args: []any{e.Problem, e.Login}}
}

// CheckLink says whether parent may be linked to child.
func CheckLink(parent, child *User) error {
	switch {
	case parent.ID == child.ID:
		return &LinkError{Problem: LinkSelf, Login: parent.Login}
	case parent.Profile != Parent:
		return &LinkError{Problem: LinkNotParent, Login: parent.Login}
	case parent.OrgID != child.OrgID:
		return &LinkError{Problem: LinkOtherSchool, Login: child.Login}
	}
	return nil
}

// SetChild links (on) or unlinks a child, marking the children as set by hand so imports leave
// them alone. It reports whether anything changed.
func (u *User) SetChild(child ID, on bool) bool {
	has := slices.Contains(u.ChildIDs, child)
	if has == on {
		return false
	}
	if on {
		u.ChildIDs = append(slices.Clone(u.ChildIDs), child)
	} else {
		u.ChildIDs = slices.DeleteFunc(slices.Clone(u.ChildIDs), func(id ID) bool { return id == child })
	}
	u.ByHand = u.ByHand.With(FieldChildren)
	return true
}
