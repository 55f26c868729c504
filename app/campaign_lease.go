package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"rollcall/model"
)

// One sender per campaign, across processes: a run takes the campaign's lease in the store (a
// read-modify-write, so of two processes on one database one wins), renews it while it sends and
// gives it up when it stops. A process that was killed leaves its lease behind: another process
// of the same machine sees that the sender's process is gone and resumes at once; a process of
// another machine waits for the lease to run out (model.CampaignLease).

// newSender names a run: this machine, this process, and a random part.
func (a *App) newSender() (string, error) {
	b := make([]byte, 6)
	if _, err := a.random.Read(b); err != nil {
		if _, err := rand.Read(b); err != nil {
			return "", err
		}
	}
	host, _ := os.Hostname()
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(b)), nil
}

// campaignLive reports whether a run sends c now, in this process or another.
func (a *App) campaignLive(c model.Campaign) bool {
	if !c.SentBy(a.now()) {
		return false
	}
	host, pid, ok := senderProcess(c.Sender)
	if me, _ := os.Hostname(); !ok || host != me {
		return true // another machine's: trust the lease
	}
	if pid == os.Getpid() {
		return a.merge.live(c.ID)
	}
	return processAlive(pid)
}

func senderProcess(sender string) (host string, pid int, ok bool) {
	parts := strings.Split(sender, "/")
	if len(parts) != 3 {
		return "", 0, false
	}
	pid, err := strconv.Atoi(parts[1])
	return parts[0], pid, err == nil
}

// processAlive reports whether a process of this machine exists.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	if runtime.GOOS == "windows" {
		return true // FindProcess found it
	}
	return p.Signal(syscall.Signal(0)) == nil
}

// takeLease makes sender the campaign's only sender, or fails with model.ErrCampaignRunning, and
// keeps renewing the lease until release is called, which gives it up.
func (a *App) takeLease(ctx context.Context, id model.ID, sender string) (release func(), err error) {
	_, err = a.store.UpdateCampaign(ctx, id, func(c *model.Campaign) error {
		if a.campaignLive(*c) {
			return model.ErrCampaignRunning
		}
		c.Sender, c.LeaseUntil = sender, a.now().Add(model.CampaignLease)
		return nil
	})
	if err != nil {
		return nil, err
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(model.CampaignLease / 3)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				_, _ = a.store.UpdateCampaign(context.WithoutCancel(ctx), id, func(c *model.Campaign) error {
					if c.Sender == sender {
						c.LeaseUntil = a.now().Add(model.CampaignLease)
					}
					return nil
				})
			}
		}
	}()
	return func() {
		close(stop)
		<-done
		_, _ = a.store.UpdateCampaign(context.WithoutCancel(ctx), id, func(c *model.Campaign) error {
			if c.Sender == sender {
				c.Sender, c.LeaseUntil = "", time.Time{}
			}
			return nil
		})
	}, nil
}
