package mailmerge

import (
	"iter"

	"rollcall/model"
)

// Card is what one account's login card (and account email) says. The caller fills it with
// final, translated values; mailmerge only lays them out.
type Card struct {
	OrgName  string // the school or organization
	FullName string
	Profile  string // profile label, already translated ("Élève", "Teacher")
	Class    string // empty when the person has none
	Children string // a parent's children and their classes, formatted; empty otherwise
	Licences string // the products and keys the person holds, formatted; empty when none
	Login    string
	// ActivationCode is the raw code (model.NewCode); it is printed grouped (model.FormatCode).
	// Empty once the account is activated.
	ActivationCode string
	Activated      bool
	// ActivationURL is where to activate; not-activated cards also carry it as a QR code.
	ActivationURL string
	// ResetURL is where to reset a forgotten password; activated cards and emails show it.
	ResetURL string
	// ResetCode is an optional one-time password-reset code for the account email of an
	// activated account; printed grouped. Cards do not show it.
	ResetCode string
	// Email is the recipient's address, used by BuildAccountMessage; cards do not show it.
	Email string
	// Language selects the templates. The caller resolves it (the person's language, else the
	// admin's); an empty or unsupported language falls back to English.
	Language model.Language
}

// CardSource yields the cards to print, in print order, without holding them all: a source
// backed by a store cursor keeps memory flat for 100,000 cards.
type CardSource interface {
	// Len returns how many cards All yields, or -1 when unknown (progress then reports a
	// total of -1).
	Len() int
	// All yields the cards once. A non-nil error stops rendering; WritePDF returns it.
	All() iter.Seq2[Card, error]
}

// SliceSource returns a CardSource over cards already in memory.
func SliceSource(cards []Card) CardSource { return sliceSource(cards) }

type sliceSource []Card

func (s sliceSource) Len() int { return len(s) }

func (s sliceSource) All() iter.Seq2[Card, error] {
	return func(yield func(Card, error) bool) {
		for _, c := range s {
			if !yield(c, nil) {
				return
			}
		}
	}
}

// SeqSource returns a CardSource over an iterator that yields n cards (n < 0: unknown).
func SeqSource(n int, seq iter.Seq2[Card, error]) CardSource { return seqSource{n: n, seq: seq} }

type seqSource struct {
	n   int
	seq iter.Seq2[Card, error]
}

func (s seqSource) Len() int                    { return s.n }
func (s seqSource) All() iter.Seq2[Card, error] { return s.seq }
