package dirsync

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"golang.org/x/oauth2"

	"rollcall/model"
)

// Service names a cloud directory in errors.
type Service string

// The directories dirsync reads.
const (
	Google    Service = "google"
	Microsoft Service = "microsoft"
)

// Sentinel errors; APIError matches the first three by HTTP status. Error and APIError tell
// them with the service's name (model.Coded).
var (
	// ErrNotConfigured means no credentials were given for the service.
	ErrNotConfigured = model.NewError(model.KindNotFound, model.MsgDirNotConfigured, "directory sync not configured")
	// ErrUnauthorized means the service refused the credentials (HTTP 401 or 403).
	ErrUnauthorized = model.NewError(model.KindForbidden, model.MsgDirUnauthorized, "directory refused the credentials")
	// ErrNoSuchGroup means the group or organizational unit does not exist (HTTP 404).
	ErrNoSuchGroup = model.NewError(model.KindNotFound, model.MsgDirNoSuchGroup, "no such group or organizational unit")
	// ErrBadPage means the service answered something that is not its documented JSON.
	ErrBadPage = model.NewError(model.KindUnavailable, model.MsgDirBadAnswer, "unexpected answer from the directory")
)

// Name is the service's name as people know it.
func (s Service) Name() string {
	if s == Microsoft {
		return "Microsoft 365"
	}
	return "Google Workspace"
}

// told is what a failure of svc with cause err says: the sentinel cause's kind and sentence
// with the service's name, else an unexpected answer (a network failure, a server error) with
// its detail.
func told(svc Service, cause error, detail string) (model.Kind, model.Message) {
	for _, s := range []*model.Error{ErrNotConfigured, ErrUnauthorized, ErrNoSuchGroup} {
		if errors.Is(cause, s) {
			return s.ErrorKind(), model.Message{ID: s.ErrorMessage().ID, Args: []any{svc.Name()}}
		}
	}
	return model.KindUnavailable, model.Message{ID: model.MsgDirBadAnswer, Args: []any{svc.Name(), detail}}
}

// Error is a failure of one directory: it says which, and wraps the cause.
type Error struct {
	Service Service
	Err     error
}

func (e *Error) Error() string { return string(e.Service) + " directory: " + e.Err.Error() }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// ErrorKind is the cause's kind: a missing or refused configuration, no such group, or an
// unavailable service (exit code 6).
func (e *Error) ErrorKind() model.Kind { k, _ := told(e.Service, e.Err, e.Error()); return k }

// ErrorMessage tells the cause with the service's name.
func (e *Error) ErrorMessage() model.Message { _, m := told(e.Service, e.Err, e.Error()); return m }

// ServiceOf says which directory an error comes from ("" when none).
func ServiceOf(err error) Service {
	var e *Error
	if errors.As(err, &e) {
		return e.Service
	}
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.Service
	}
	return ""
}

func svcErr(svc Service, err error) error { return &Error{Service: svc, Err: err} }

// APIError is an HTTP error answer from a directory, with the service's own message.
type APIError struct {
	Service Service
	Status  int
	Message string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("%s directory: HTTP %d: %s", e.Service, e.Status, e.Message)
}

// ErrorKind is the status's kind: refused credentials, no such group, or an unavailable
// service.
func (e *APIError) ErrorKind() model.Kind { k, _ := told(e.Service, e, e.Error()); return k }

// ErrorMessage tells the status with the service's name.
func (e *APIError) ErrorMessage() model.Message { _, m := told(e.Service, e, e.Error()); return m }

// Is matches ErrUnauthorized and ErrNoSuchGroup by status.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrUnauthorized:
		return e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden
	case ErrNoSuchGroup:
		return e.Status == http.StatusNotFound
	}
	return false
}

// Progress is told how many people were read so far.
type Progress func(read int)

// maxPages bounds a listing, in case a server keeps answering with a next page.
const maxPages = 10_000

// retries is how often a throttled or unavailable request is tried again.
const retries = 4

// maxPageBytes bounds one page of JSON.
const maxPageBytes = 32 << 20

// getJSON GETs u and decodes the JSON answer into v, retrying throttling (429) and
// unavailability (502, 503, 504) after the server's Retry-After (capped) or a short backoff.
func getJSON(ctx context.Context, c *http.Client, svc Service, u string, v any) error {
	wait := 500 * time.Millisecond
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return err
		}
		req.Header.Set("Accept", "application/json")
		resp, err := c.Do(req)
		if err != nil {
			var re *oauth2.RetrieveError
			if errors.As(err, &re) {
				return svcErr(svc, fmt.Errorf("%w: %s %s", ErrUnauthorized, re.ErrorCode, truncate(re.ErrorDescription)))
			}
			return svcErr(svc, redactURLError(err))
		}
		body, err := io.ReadAll(io.LimitReader(resp.Body, maxPageBytes))
		_ = resp.Body.Close()
		if err != nil {
			return svcErr(svc, err)
		}
		switch resp.StatusCode {
		case http.StatusOK:
			if err := json.Unmarshal(body, v); err != nil {
				return svcErr(svc, fmt.Errorf("%w: %v", ErrBadPage, err))
			}
			return nil
		case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
			if attempt < retries {
				if err := sleep(ctx, retryAfter(resp.Header.Get("Retry-After"), wait)); err != nil {
					return err
				}
				wait *= 2
				continue
			}
		}
		return &APIError{Service: svc, Status: resp.StatusCode, Message: apiMessage(body)}
	}
}

func retryAfter(h string, fallback time.Duration) time.Duration {
	if s, err := strconv.Atoi(h); err == nil && s >= 0 {
		return min(time.Duration(s)*time.Second, 30*time.Second)
	}
	return fallback
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// apiMessage extracts {"error": {"message": …}} (both Google and Graph answer so).
func apiMessage(body []byte) string {
	var e struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &e) == nil && e.Error.Message != "" {
		return truncate(e.Error.Message)
	}
	return truncate(string(body))
}

func truncate(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

// redactURLError drops the URL from a transport error: a query could carry an email.
func redactURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// sameOrigin reports whether next (a page link the server gave) points at the base's scheme
// and host: the bearer token must never be sent anywhere else.
func sameOrigin(base, next string) bool {
	b, err1 := url.Parse(base)
	n, err2 := url.Parse(next)
	return err1 == nil && err2 == nil && b.Scheme == n.Scheme && b.Host == n.Host
}
