package smtptest

import (
	"strings"

	"github.com/emersion/go-smtp"
)

// reply is a scripted error answer.
type reply struct {
	code int
	text string
}

func (r reply) err() error {
	enh := smtp.EnhancedCode{r.code / 100, 0, 0}
	switch r.code {
	case 550, 551, 553:
		enh = smtp.EnhancedCode{5, 1, 1}
	case 450, 451, 452:
		enh = smtp.EnhancedCode{4, 3, 0}
	}
	return &smtp.SMTPError{Code: r.code, EnhancedCode: enh, Message: r.text}
}

// faults are the scripted failures; guarded by Server.mu.
type faults struct {
	rcpt      map[string]reply // by lower-case address
	next      []reply          // answers for the next MAIL, RCPT or DATA commands
	killAfter int              // > 0: messages left before the server dies
}

// RejectRecipient answers code (451 or 550, say) with text to every RCPT TO for addr, until
// AcceptRecipient or ClearFaults.
func (s *Server) RejectRecipient(addr string, code int, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if text == "" {
		text = "Rejected by smtptest"
	}
	s.faults.rcpt[strings.ToLower(addr)] = reply{code, text}
}

// AcceptRecipient undoes RejectRecipient for addr.
func (s *Server) AcceptRecipient(addr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.faults.rcpt, strings.ToLower(addr))
}

// FailNext answers code to the next n transaction commands (MAIL, RCPT or DATA), whichever
// client sends them. A failed MAIL means the client never sends that message's RCPT.
func (s *Server) FailNext(n int, code int, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if text == "" {
		text = "Scripted failure from smtptest"
	}
	for range n {
		s.faults.next = append(s.faults.next, reply{code, text})
	}
}

// KillAfter lets n more messages through, then kills the server (as Kill) when a client
// starts the next one: that message is not recorded and its sender sees the connection
// drop. Restart brings the server back on the same port.
func (s *Server) KillAfter(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.killAfter = n + 1
}

// ClearFaults removes every scripted failure.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = faults{rcpt: make(map[string]reply)}
}

// nextFault consumes a FailNext answer, if any.
func (s *Server) nextFault() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.faults.next) == 0 {
		return nil
	}
	r := s.faults.next[0]
	s.faults.next = s.faults.next[1:]
	return r.err()
}

func (s *Server) rcptFault(addr string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.faults.rcpt[strings.ToLower(addr)]; ok {
		return r.err()
	}
	return nil
}

// shouldDie counts a starting message against KillAfter.
func (s *Server) shouldDie() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.faults.killAfter == 0 {
		return false
	}
	s.faults.killAfter--
	return s.faults.killAfter == 0
}
