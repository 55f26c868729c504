package model

import (
	"fmt"
	"time"
)

// ClaimProblem says why a claim code or a display serial was refused.
type ClaimProblem uint8

// The reasons a claim is refused.
const (
	ClaimEmpty          ClaimProblem = iota + 1 // nothing typed
	ClaimBadCharacter                           // a character that no code has (Position, Char)
	ClaimMistyped                               // the checksum does not match: a typing mistake
	ClaimMalformed                              // not a claim code at all (length, padding, layout)
	ClaimVersion                                // made by a newer Rollcall vendor tool
	ClaimUnknownVendor                          // signed by a vendor key this Rollcall does not trust (KeyID)
	ClaimForged                                 // the signature does not match: forged or altered
	ClaimExpired                                // the entitlement ended (Date)
	SerialUnknownModel                          // no display model of the catalogue has this serial's prefix
	SerialBadCheckDigit                         // the serial's check digit is wrong: a typing mistake
	SerialMalformed                             // the serial has the wrong length or characters
	DisplaysCount                               // the number of displays is out of range (Max)
)

// ErrAlreadyClaimed is matched by AlreadyClaimedError.
var ErrAlreadyClaimed = NewError(KindInvalid, MsgAlreadyClaimed, "already claimed")

// ErrDemoKey refuses to trust the demo vendor's key in a store: anyone can derive its private
// half, so only a store holding the demo school trusts it, and only implicitly.
var ErrDemoKey = NewError(KindInvalid, MsgDemoKey, "the demo vendor key cannot be trusted")

// ErrBuiltInVendorKey refuses to remove a key shipped with Rollcall (or the demo's): only the
// keys an admin added can be removed.
var ErrBuiltInVendorKey = NewError(KindInvalid, MsgBuiltInVendorKey, "a vendor key shipped with Rollcall cannot be removed")

// ClaimCodeError refuses a claim code or a serial, saying why and where.
type ClaimCodeError struct {
	Problem  ClaimProblem
	Position int    // ClaimBadCharacter: the character's place among the code's symbols, from 1
	Char     string // ClaimBadCharacter: the character
	KeyID    string // ClaimUnknownVendor: the key the code names
	Date     Date   // ClaimExpired: when it ended
	Max      int    // DisplaysCount: the most displays one claim may count
}

func (e *ClaimCodeError) Error() string {
	switch e.Problem {
	case ClaimBadCharacter:
		return fmt.Sprintf("claim code: character %q at position %d is not allowed", e.Char, e.Position)
	case ClaimUnknownVendor:
		return "claim code: signed by unknown vendor key " + e.KeyID
	case ClaimExpired:
		return "claim code: the entitlement ended on " + e.Date.String()
	case DisplaysCount:
		return fmt.Sprintf("displays: must be between 1 and %d", e.Max)
	}
	return "claim refused: " + e.Problem.String()
}

// String names the problem for logs and developers; the UI translates it instead.
func (p ClaimProblem) String() string {
	switch p {
	case ClaimEmpty:
		return "empty"
	case ClaimBadCharacter:
		return "bad character"
	case ClaimMistyped:
		return "mistyped (checksum)"
	case ClaimMalformed:
		return "malformed"
	case ClaimVersion:
		return "unsupported version"
	case ClaimUnknownVendor:
		return "unknown vendor"
	case ClaimForged:
		return "forged or altered"
	case ClaimExpired:
		return "expired"
	case SerialUnknownModel:
		return "unknown display model"
	case SerialBadCheckDigit:
		return "wrong check digit"
	case SerialMalformed:
		return "malformed serial"
	case DisplaysCount:
		return "displays out of range"
	}
	return "unknown"
}

// Is makes every refusal an invalid input, and an expired one an expired code too.
func (e *ClaimCodeError) Is(target error) bool {
	return target == ErrInvalid || (target == ErrCodeExpired && e.Problem == ClaimExpired)
}

// ErrorKind: invalid input (exit code 3).
func (e *ClaimCodeError) ErrorKind() Kind { return KindInvalid }

// ErrorMessage is its sentence.
func (e *ClaimCodeError) ErrorMessage() Message { return Message{ID: MsgClaim, Args: []any{e}} }

// AlreadyClaimedError refuses a code or serial that was claimed before, saying when and by
// which organization.
type AlreadyClaimedError struct {
	At      time.Time
	OrgID   ID
	OrgName string
}

func (e *AlreadyClaimedError) Error() string {
	return fmt.Sprintf("already claimed on %s by %s", e.At.UTC().Format(time.RFC3339), e.OrgName)
}

// Is makes it match ErrAlreadyClaimed and ErrCodeUsed (a used code: exit code 3).
func (e *AlreadyClaimedError) Is(target error) bool {
	return target == ErrAlreadyClaimed || target == ErrCodeUsed
}

// ErrorKind: invalid input (exit code 3).
func (e *AlreadyClaimedError) ErrorKind() Kind { return KindInvalid }

// ErrorMessage is its sentence.
func (e *AlreadyClaimedError) ErrorMessage() Message {
	return Message{ID: MsgAlreadyClaimed, Args: []any{e.At, e.OrgName}}
}

// SeatLimitError refuses to add more seats than are free: nothing was added.
type SeatLimitError struct {
	Requested int    // the new seats asked for
	Free      int    // the seats free now (of Key, when set)
	Key       string // the product key asked for, if one was
}

func (e *SeatLimitError) Error() string {
	return fmt.Sprintf("%d new seats asked, only %d free: none added", e.Requested, e.Free)
}

// Is makes it an invalid input.
func (e *SeatLimitError) Is(target error) bool { return target == ErrInvalid }

// ErrorKind: invalid input (exit code 3).
func (e *SeatLimitError) ErrorKind() Kind { return KindInvalid }

// ErrorMessage is its sentence.
func (e *SeatLimitError) ErrorMessage() Message { return Message{ID: MsgSeatLimit, Args: []any{e}} }

// SubscriptionEndedError refuses new seats on a subscription that has ended: a renewal must
// come first. Seats can still be taken back.
type SubscriptionEndedError struct {
	EndedOn Date
}

func (e *SubscriptionEndedError) Error() string {
	return fmt.Sprintf("the subscription ended on %s: no new seat until it is renewed", e.EndedOn)
}

// Is makes it an invalid input.
func (e *SubscriptionEndedError) Is(target error) bool { return target == ErrInvalid }

// ErrorKind: invalid input (exit code 3).
func (e *SubscriptionEndedError) ErrorKind() Kind { return KindInvalid }

// ErrorMessage is its sentence.
func (e *SubscriptionEndedError) ErrorMessage() Message {
	return Message{ID: MsgSubscriptionEnded, Args: []any{e.EndedOn}}
}

// InvalidEmailsError refuses a typed list of emails with some that are not addresses: nothing
// was added.
type InvalidEmailsError struct {
	Values []string
}

func (e *InvalidEmailsError) Error() string { return fmt.Sprintf("not email addresses: %q", e.Values) }

// Is makes it an invalid input.
func (e *InvalidEmailsError) Is(target error) bool { return target == ErrInvalid }

// ErrorKind: invalid input (exit code 3).
func (e *InvalidEmailsError) ErrorKind() Kind { return KindInvalid }

// ErrorMessage is its sentence.
func (e *InvalidEmailsError) ErrorMessage() Message {
	return Message{ID: MsgInvalidEmails, Args: []any{e.Values}}
}
