package model

import "fmt"

// SeatSyncedError refuses to take back by hand a seat a sync gave: the next run of that sync
// would give it back. Detaching the seat from its sync first (a hand seat) says it is meant.
type SeatSyncedError struct {
	Holder string // the seat holder's label (email or login)
	Sync   string // the sync that gave it (SyncSource.Key)
}

func (e *SeatSyncedError) Error() string {
	return fmt.Sprintf("the seat of %s was given by the sync %s, whose next run would give it back", e.Holder, e.Sync)
}

// Is makes it an invalid request (exit code 3).
func (e *SeatSyncedError) Is(target error) bool { return target == ErrInvalid }

// ErrorKind: invalid input (exit code 3).
func (e *SeatSyncedError) ErrorKind() Kind { return KindInvalid }

// ErrorMessage is its sentence.
func (e *SeatSyncedError) ErrorMessage() Message {
	return Message{ID: MsgSeatSynced, Args: []any{e.Holder, e.Sync}}
}

// ErrOtherSchool refuses a seat sync that names people of another school than the
// subscription's (an organization, class or group of another school).
var ErrOtherSchool = NewError(KindInvalid, MsgOtherSchool, "a seat sync only reaches the subscription's own school")
