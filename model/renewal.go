package model

import "fmt"

// RenewalProblem says why a renewal code does not fit.
type RenewalProblem uint8

// The renewal problems.
const (
	RenewalNotARenewal RenewalProblem = iota + 1 // a claim code given to renew
	RenewalNotAClaim                             // a renewal code given to claim
	RenewalOtherOrder                            // the code renews another order, vendor or product
	RenewalEarlier                               // the new date is not after the current one
)

// RenewalError refuses a renewal code for a subscription.
type RenewalError struct {
	Problem RenewalProblem
	Order   string // the order the code renews
}

func (e *RenewalError) Error() string {
	return fmt.Sprintf("renewal code (order %q): problem %d", e.Order, e.Problem)
}

// Is makes it an invalid input.
func (e *RenewalError) Is(target error) bool { return target == ErrInvalid }

// ErrorKind: invalid input (exit code 3).
func (e *RenewalError) ErrorKind() Kind { return KindInvalid }

// ErrorMessage is its sentence.
func (e *RenewalError) ErrorMessage() Message { return Message{ID: MsgRenewal, Args: []any{e}} }

// CheckRenewal says whether the renewal e fits sub: same vendor key, order and product, and a
// date after the current renewal or end date.
func (s *Subscription) CheckRenewal(e Entitlement) error {
	switch {
	case !e.Renewal:
		return &RenewalError{Problem: RenewalNotARenewal, Order: e.OrderNumber}
	case e.KeyID != s.VendorKeyID || e.OrderNumber != s.OrderNumber || e.Product != s.Product:
		return &RenewalError{Problem: RenewalOtherOrder, Order: e.OrderNumber}
	}
	cur := s.RenewsOn
	if cur.IsZero() {
		cur = s.EndsOn
	}
	if !cur.IsZero() && !cur.Before(e.End()) {
		return &RenewalError{Problem: RenewalEarlier, Order: e.OrderNumber}
	}
	return nil
}

// Renew applies a renewal: the new renewal or end date, e.Seats more seats on e.Keys new product
// keys named after seed (the code's signed bytes).
func (s *Subscription) Renew(e Entitlement, seed []byte) {
	s.RenewsOn, s.EndsOn = e.RenewsOn, e.EndsOn
	s.Seats += e.Seats
	s.Keys = append(s.Keys, DeriveProductKeys(seed, e.Seats, e.Keys)...)
}
