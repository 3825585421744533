// testpeer: ipkeeper's own HashiCorp memberlist node, used by the interop tests
// (io.ipkeeper.testkit.peers.GoPeer builds and drives it).
//
// It binds one loopback address/port (UDP+TCP), optionally joins peers, and
// prints one JSON object per line on stdout for every membership event
// (join / leave / update), every received user message, every command reply
// and a periodic member snapshot. memberlist's own log goes to stderr.
//
// Build offline against Debian's sources (GOPATH mode, memberlist 0.2.2):
//
//	apt-get install -y golang-go golang-github-hashicorp-memberlist-dev
//	GO111MODULE=off GOPATH=/tmp/gopath:/usr/share/gocode go build -o testpeer testpeer.go
//
// Flags (Go's flag package also accepts the --double-dash forms):
//
//	-name -bind -port -join -profile local|lan|wan -serf -tags -meta -key
//	-no-compress -run -members-every, plus -exit-on-eof (exit gracefully when
//	stdin closes, so a peer never outlives the test JVM that owns its stdin).
//
// Commands on stdin, one per line; each answers with exactly one
// {"event":"ack","cmd":LINE,"op":OP,...} or {"event":"error","cmd":LINE,"op":OP,"err":...}:
//
//	key install|use|remove BASE64   memberlist keyring (the ring always exists, so
//	                                "key install" on a node started without -key
//	                                turns encryption on with that key as primary)
//	key list                        ack carries "keys" (primary first)
//	event NAME [PAYLOAD]            -serf only: gossip a Serf user event
//	send NODE TEXT                  memberlist SendReliable (TCP) user message
//	send-udp NODE TEXT              memberlist SendBestEffort (UDP) user message
//	members                         print a "members" event now (before the ack)
//	leave                           graceful leave; the process keeps running until
//	                                stdin closes or SIGINT/SIGTERM, then exits 0
//
// Events carry the same fields as the reference peer's, plus: "state" is the
// member's real state ("dead" or "left" on a leave event, "suspect" in members;
// memberlist 0.2.2's own Node.State always says "alive"), "text" on user_msg
// events whose payload is UTF-8, the decoded Serf fields (serf, serf_type, name,
// payload, node, ltime, first = news to this peer) on Serf messages with -serf,
// and "serf", "true_state" on "started".
//
// With -serf the peer speaks just enough of Serf (0.9.4, protocol 5) to be a
// healthy, well-behaved Serf member: delegate versions 2/5/5, tags in node meta,
// a member and an event Lamport clock fed by every intent, event and push/pull
// user state it receives, a join intent after start-up, and on graceful leave a
// leave intent (LTime above anything seen) before the memberlist leave, so Serf
// shows it "left" rather than "failed". Like every Serf member it re-broadcasts
// intents and user events that are news to it (de-duplicated as Serf does), so
// they spread even when its own sends reached only some nodes. It does not
// answer Serf queries, keeps no Serf member table and sends no user state in
// push/pull.
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/hashicorp/go-msgpack/codec"
	"github.com/hashicorp/memberlist"
)

// ---------------------------------------------------------------- output

var (
	outMu sync.Mutex
	enc   = json.NewEncoder(os.Stdout)
)

// emit writes one JSON line to stdout. Maps keep the keys sorted, as the reference peer does.
func emit(kind string, fields map[string]interface{}) {
	fields["ts"] = time.Now().UTC().Format(time.RFC3339Nano)
	fields["event"] = kind
	outMu.Lock()
	defer outMu.Unlock()
	_ = enc.Encode(fields)
}

func stateName(s memberlist.NodeStateType) string {
	switch s {
	case memberlist.StateAlive:
		return "alive"
	case memberlist.StateSuspect:
		return "suspect"
	case memberlist.StateDead:
		return "dead"
	case memberlist.StateLeft:
		return "left"
	}
	return fmt.Sprintf("state-%d", int(s))
}

// noOffset marks stateOffset as unknown.
const noOffset = ^uintptr(0)

// stateOffset locates a member's real state. memberlist 0.2.2 keeps each member as
// nodeState{Node; Incarnation; State; StateChange} and hands every *Node it gives us
// (events, Members, LocalNode) out as &nodeState.Node, but never sets Node.State: it
// always reads "alive". The real state sits stateOffset bytes after that pointer.
// findStateOffset checks memberlist's layout with reflection and leaves noOffset
// (falling back to Node.State) if it is not the one expected.
var stateOffset = noOffset

func findStateOffset() {
	f, ok := reflect.TypeOf(memberlist.Memberlist{}).FieldByName("nodeMap")
	if !ok || f.Type.Kind() != reflect.Map || f.Type.Elem().Kind() != reflect.Ptr {
		return
	}
	ns := f.Type.Elem().Elem()
	if ns.Kind() != reflect.Struct || ns.NumField() == 0 {
		return
	}
	first := ns.Field(0)
	if !first.Anonymous || first.Type != reflect.TypeOf(memberlist.Node{}) || first.Offset != 0 {
		return
	}
	st, ok := ns.FieldByName("State") // the shallower nodeState.State wins over Node.State
	if !ok || len(st.Index) != 1 || st.Type != reflect.TypeOf(memberlist.StateAlive) {
		return
	}
	stateOffset = st.Offset
}

// realState is the member's state as memberlist tracks it (see stateOffset).
func realState(n *memberlist.Node) memberlist.NodeStateType {
	if stateOffset == noOffset {
		return n.State
	}
	return *(*memberlist.NodeStateType)(unsafe.Add(unsafe.Pointer(n), stateOffset))
}

func nodeFields(n *memberlist.Node) map[string]interface{} {
	return map[string]interface{}{
		"node":     n.Name,
		"addr":     net.IP(n.Addr).String(),
		"port":     n.Port,
		"state":    stateName(realState(n)),
		"meta_hex": hex.EncodeToString(n.Meta),
		"vsn":      vsnInts([]uint8{n.PMin, n.PMax, n.PCur, n.DMin, n.DMax, n.DCur}),
	}
}

// vsnInts converts a Vsn byte array to ints so JSON prints numbers, not base64.
func vsnInts(v []uint8) []int {
	out := make([]int, len(v))
	for i, b := range v {
		out[i] = int(b)
	}
	return out
}

// ---------------------------------------------------------------- Serf wire (serf/messages.go)

const (
	serfLeaveType     = 0
	serfJoinType      = 1
	serfPushPullType  = 2
	serfUserEventType = 3
)

// Field names are Serf's; the codec writes them as msgpack map keys.
type serfJoin struct {
	LTime uint64
	Node  string
}

type serfLeave struct {
	LTime uint64
	Node  string
	Prune bool
}

type serfUserEvent struct {
	LTime   uint64
	Name    string
	Payload []byte
	CC      bool
}

// serfPushPull keeps only the clocks of Serf's push/pull user state; the codec skips the rest.
type serfPushPull struct {
	LTime      uint64
	EventLTime uint64
	QueryLTime uint64
}

func serfEncode(t byte, msg interface{}) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte(t)
	err := codec.NewEncoder(&buf, &codec.MsgpackHandle{}).Encode(msg)
	return buf.Bytes(), err
}

func serfDecode(b []byte, out interface{}) error {
	return codec.NewDecoder(bytes.NewReader(b), &codec.MsgpackHandle{}).Decode(out)
}

// serfTags encodes k=v pairs the way Serf does: 0xFF magic byte followed by a msgpack map[string]string.
func serfTags(spec string) ([]byte, error) {
	tags := map[string]string{}
	for _, kv := range strings.Split(spec, ",") {
		if kv == "" {
			continue
		}
		p := strings.SplitN(kv, "=", 2)
		if len(p) != 2 {
			return nil, fmt.Errorf("bad tag %q (want k=v)", kv)
		}
		tags[p[0]] = p[1]
	}
	var buf bytes.Buffer
	buf.WriteByte(0xFF)
	if err := codec.NewEncoder(&buf, &codec.MsgpackHandle{}).Encode(tags); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// lamport is Serf's Lamport clock: Witness(t) moves it to at least t+1, Increment returns the new value.
type lamport struct{ counter uint64 }

func (l *lamport) Time() uint64      { return atomic.LoadUint64(&l.counter) }
func (l *lamport) Increment() uint64 { return atomic.AddUint64(&l.counter, 1) }
func (l *lamport) Witness(t uint64) {
	for {
		cur := atomic.LoadUint64(&l.counter)
		if t < cur || atomic.CompareAndSwapUint64(&l.counter, cur, t+1) {
			return
		}
	}
}

// broadcast is one queued Serf message; notify (if set) closes once memberlist has sent it enough times.
type broadcast struct {
	msg    []byte
	notify chan struct{}
}

func (b *broadcast) Invalidates(memberlist.Broadcast) bool { return false }
func (b *broadcast) Message() []byte                       { return b.msg }
func (b *broadcast) UniqueBroadcast()                      {}
func (b *broadcast) Finished() {
	if b.notify != nil {
		close(b.notify)
	}
}

// ---------------------------------------------------------------- delegates

// events implements memberlist.EventDelegate.
type events struct{}

func (events) NotifyJoin(n *memberlist.Node)   { emit("join", nodeFields(n)) }
func (events) NotifyLeave(n *memberlist.Node)  { emit("leave", nodeFields(n)) }
func (events) NotifyUpdate(n *memberlist.Node) { emit("update", nodeFields(n)) }

// delegate implements memberlist.Delegate: node meta, user messages, and (with -serf) the Serf clocks and queue.
type delegate struct {
	meta        []byte
	serf        bool
	name        string
	memberClock lamport
	eventClock  lamport
	queue       *memberlist.TransmitLimitedQueue

	seenMu     sync.Mutex
	statusTime map[string]uint64 // node -> highest intent LTime seen, as Serf's statusLTime
	seenEvents map[string]bool   // user events seen, by LTime + name + payload
}

// firstIntent records an intent and reports whether it is news (LTime above the node's status time),
// which is when Serf applies and re-broadcasts it.
func (d *delegate) firstIntent(node string, ltime uint64) bool {
	d.seenMu.Lock()
	defer d.seenMu.Unlock()
	if ltime <= d.statusTime[node] {
		return false
	}
	d.statusTime[node] = ltime
	return true
}

// firstEvent records a user event and reports whether it is news.
func (d *delegate) firstEvent(ltime uint64, name string, payload []byte) bool {
	key := fmt.Sprintf("%d/%s/%x", ltime, name, payload)
	d.seenMu.Lock()
	defer d.seenMu.Unlock()
	if d.seenEvents[key] {
		return false
	}
	if len(d.seenEvents) > 4096 { // a test peer's lifetime never gets near; keeps memory bounded anyway
		d.seenEvents = map[string]bool{}
	}
	d.seenEvents[key] = true
	return true
}

// rebroadcast gossips a received Serf message on, as every Serf member does with news.
func (d *delegate) rebroadcast(b []byte) {
	if d.queue != nil {
		d.queue.QueueBroadcast(&broadcast{msg: append([]byte(nil), b...)})
	}
}

func (d *delegate) NodeMeta(limit int) []byte {
	if len(d.meta) > limit {
		return d.meta[:limit]
	}
	return d.meta
}

func (d *delegate) NotifyMsg(b []byte) {
	f := map[string]interface{}{"len": len(b), "hex": hex.EncodeToString(b)}
	if len(b) > 0 {
		f["first_byte"] = b[0]
	}
	if !d.serf || !d.describeSerf(b, f) {
		if utf8.Valid(b) {
			f["text"] = string(b)
		}
	}
	emit("user_msg", f)
}

// describeSerf decodes the Serf messages we understand into f, witnessing their clocks; false if b is not one.
func (d *delegate) describeSerf(b []byte, f map[string]interface{}) bool {
	if len(b) < 2 {
		return false
	}
	body := b[1:]
	switch b[0] {
	case serfLeaveType:
		var m serfLeave
		if serfDecode(body, &m) != nil {
			return false
		}
		d.memberClock.Witness(m.LTime)
		first := m.Node != d.name && d.firstIntent(m.Node, m.LTime)
		if first {
			d.rebroadcast(b)
		}
		f["serf_type"], f["serf"], f["node"], f["ltime"], f["first"] = int(b[0]), "leave", m.Node, m.LTime, first
	case serfJoinType:
		var m serfJoin
		if serfDecode(body, &m) != nil {
			return false
		}
		d.memberClock.Witness(m.LTime)
		first := m.Node != d.name && d.firstIntent(m.Node, m.LTime)
		if first {
			d.rebroadcast(b)
		}
		f["serf_type"], f["serf"], f["node"], f["ltime"], f["first"] = int(b[0]), "join", m.Node, m.LTime, first
	case serfUserEventType:
		var m serfUserEvent
		if serfDecode(body, &m) != nil {
			return false
		}
		d.eventClock.Witness(m.LTime)
		first := d.firstEvent(m.LTime, m.Name, m.Payload)
		if first {
			d.rebroadcast(b)
		}
		f["serf_type"], f["serf"], f["name"], f["ltime"], f["first"] = int(b[0]), "user_event", m.Name, m.LTime, first
		f["payload"], f["cc"] = string(m.Payload), m.CC
	default:
		f["serf_type"] = int(b[0])
	}
	return true
}

func (d *delegate) GetBroadcasts(overhead, limit int) [][]byte {
	if d.queue == nil {
		return nil
	}
	return d.queue.GetBroadcasts(overhead, limit)
}

func (d *delegate) LocalState(join bool) []byte { return nil }

func (d *delegate) MergeRemoteState(buf []byte, join bool) {
	f := map[string]interface{}{"len": len(buf), "join": join}
	if d.serf && len(buf) > 1 && buf[0] == serfPushPullType {
		var pp serfPushPull
		if err := serfDecode(buf[1:], &pp); err == nil {
			// The sender's member clock bounds every status time it holds, ours included.
			d.memberClock.Witness(pp.LTime)
			d.eventClock.Witness(pp.EventLTime)
			f["serf_ltime"], f["serf_event_ltime"] = pp.LTime, pp.EventLTime
		}
	}
	emit("remote_state", f)
}

// ---------------------------------------------------------------- the peer

type peer struct {
	ml   *memberlist.Memberlist
	cfg  *memberlist.Config
	d    *delegate
	mu   sync.Mutex // serialises leave
	left bool
}

func (p *peer) snapshot() {
	var list []map[string]interface{}
	for _, m := range p.ml.Members() {
		list = append(list, nodeFields(m))
	}
	sort.Slice(list, func(i, j int) bool { return list[i]["node"].(string) < list[j]["node"].(string) })
	emit("members", map[string]interface{}{"count": len(list), "members": list, "health": p.ml.GetHealthScore()})
}

// queueSerf gossips one Serf message and returns a channel closed once it has been sent enough times.
func (p *peer) queueSerf(t byte, msg interface{}) (<-chan struct{}, error) {
	raw, err := serfEncode(t, msg)
	if err != nil {
		return nil, err
	}
	notify := make(chan struct{})
	p.d.queue.QueueBroadcast(&broadcast{msg: raw, notify: notify})
	return notify, nil
}

// gracefulLeave runs at most once: (with -serf) a leave intent first, as Serf's Leave does, then memberlist's leave.
func (p *peer) gracefulLeave() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.left {
		return nil
	}
	p.left = true
	if p.d.serf && p.ml.NumMembers() > 1 {
		// Above every member LTime we have witnessed, hence above Serf's status time for us.
		ltime := p.d.memberClock.Increment()
		sent, err := p.queueSerf(serfLeaveType, &serfLeave{LTime: ltime, Node: p.cfg.Name})
		if err != nil {
			return err
		}
		select {
		case <-sent:
		case <-time.After(5 * time.Second): // Serf's BroadcastTimeout
			emit("error", map[string]interface{}{"op": "leave", "err": "timeout waiting for the serf leave intent to be gossiped"})
		}
	}
	err := p.ml.Leave(5 * time.Second)
	// Like Serf's LeavePropagateDelay. Leave returns once the dead message has used up its transmits, which is
	// counted before the last packet is sent: shutting down at once can close the socket under that send.
	delay := 5 * p.cfg.GossipInterval
	if delay < 500*time.Millisecond {
		delay = 500 * time.Millisecond
	}
	time.Sleep(delay)
	return err
}

func (p *peer) findNode(name string) (*memberlist.Node, error) {
	for _, m := range p.ml.Members() {
		if m.Name == name {
			return m, nil
		}
	}
	return nil, fmt.Errorf("no live member named %q", name)
}

// fields splits "a b rest of line" into n parts at most, the last keeping its spaces.
func fields(s string, n int) []string {
	out := strings.SplitN(strings.TrimSpace(s), " ", n)
	for i := range out {
		out[i] = strings.TrimLeft(out[i], " ")
	}
	return out
}

// command runs one stdin line and returns the op name, extra ack fields, or an error.
func (p *peer) command(line string) (string, map[string]interface{}, error) {
	args := fields(line, 2)
	verb := args[0]
	rest := ""
	if len(args) > 1 {
		rest = args[1]
	}
	extra := map[string]interface{}{}
	switch verb {
	case "key":
		kargs := fields(rest, 2)
		op := "key " + kargs[0]
		ring := p.cfg.Keyring
		if kargs[0] == "list" {
			keys := []string{}
			for _, k := range ring.GetKeys() {
				keys = append(keys, base64.StdEncoding.EncodeToString(k))
			}
			extra["keys"] = keys
			return op, extra, nil
		}
		if len(kargs) < 2 {
			return op, nil, errors.New("usage: key install|use|remove BASE64")
		}
		key, err := base64.StdEncoding.DecodeString(kargs[1])
		if err != nil {
			return op, nil, fmt.Errorf("bad base64 key: %v", err)
		}
		switch kargs[0] {
		case "install":
			return op, nil, ring.AddKey(key)
		case "use":
			return op, nil, ring.UseKey(key)
		case "remove":
			if len(ring.GetKeys()) == 0 {
				return op, nil, errors.New("the keyring is empty")
			}
			return op, nil, ring.RemoveKey(key)
		}
		return op, nil, fmt.Errorf("unknown key command %q", kargs[0])
	case "event":
		if !p.d.serf {
			return verb, nil, errors.New("event needs -serf")
		}
		eargs := fields(rest, 2)
		if eargs[0] == "" {
			return verb, nil, errors.New("usage: event NAME [PAYLOAD]")
		}
		payload := ""
		if len(eargs) > 1 {
			payload = eargs[1]
		}
		ltime := p.d.eventClock.Increment()
		p.d.firstEvent(ltime, eargs[0], []byte(payload)) // so our own event coming back is not news
		_, err := p.queueSerf(serfUserEventType, &serfUserEvent{LTime: ltime, Name: eargs[0], Payload: []byte(payload)})
		extra["ltime"] = ltime
		return verb, extra, err
	case "send", "send-udp":
		sargs := fields(rest, 2)
		if len(sargs) < 2 {
			return verb, nil, fmt.Errorf("usage: %s NODE TEXT", verb)
		}
		node, err := p.findNode(sargs[0])
		if err != nil {
			return verb, nil, err
		}
		if verb == "send" {
			return verb, nil, p.ml.SendReliable(node, []byte(sargs[1]))
		}
		return verb, nil, p.ml.SendBestEffort(node, []byte(sargs[1]))
	case "members":
		p.snapshot()
		return verb, nil, nil
	case "leave":
		return verb, nil, p.gracefulLeave()
	}
	return verb, nil, fmt.Errorf("unknown command %q", verb)
}

// readCommands answers each stdin line, then closes eof.
func (p *peer) readCommands(eof chan<- struct{}) {
	defer close(eof)
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 64*1024), 1024*1024)
	for in.Scan() {
		line := strings.TrimSpace(in.Text())
		if line == "" {
			continue
		}
		op, extra, err := p.command(line)
		if extra == nil {
			extra = map[string]interface{}{}
		}
		extra["cmd"], extra["op"] = line, op
		if err != nil {
			extra["err"] = err.Error()
			emit("error", extra)
		} else {
			emit("ack", extra)
		}
	}
}

func main() {
	name := flag.String("name", "", "node name (default: peer-<port>)")
	bind := flag.String("bind", "127.0.0.1", "bind/advertise address (loopback only for tests)")
	port := flag.Int("port", 7950, "UDP+TCP port")
	join := flag.String("join", "", "comma-separated peers host:port to join")
	profile := flag.String("profile", "local", "timing profile: local|lan|wan")
	serf := flag.Bool("serf", false, "act as a Serf member: delegate versions 2/5/5, join/leave intents, user events")
	tags := flag.String("tags", "", "Serf-style tags k=v,k2=v2 put in node meta (0xFF + msgpack map)")
	meta := flag.String("meta", "", "raw node meta string (ignored if -tags given)")
	runFor := flag.Duration("run", 0, "exit (with graceful leave) after this long; 0 = until SIGINT/SIGTERM")
	every := flag.Duration("members-every", 5*time.Second, "print a members snapshot this often (0 = never)")
	key := flag.String("key", "", "base64 AES key (16/24/32 bytes) to enable gossip encryption (same format as serf -encrypt)")
	noCompress := flag.Bool("no-compress", false, "disable LZW compression of TCP streams / UDP packets")
	exitOnEOF := flag.Bool("exit-on-eof", false, "leave gracefully and exit when stdin closes")
	flag.Parse()

	if *name == "" {
		*name = fmt.Sprintf("peer-%d", *port)
	}
	findStateOffset()

	var cfg *memberlist.Config
	switch *profile {
	case "lan":
		cfg = memberlist.DefaultLANConfig()
	case "wan":
		cfg = memberlist.DefaultWANConfig()
	case "local":
		cfg = memberlist.DefaultLocalConfig()
	default:
		fmt.Fprintf(os.Stderr, "bad -profile %q (want local|lan|wan)\n", *profile)
		os.Exit(2)
	}
	cfg.Name = *name
	cfg.BindAddr = *bind
	cfg.BindPort = *port
	cfg.AdvertiseAddr = *bind
	cfg.AdvertisePort = *port
	cfg.LogOutput = os.Stderr
	cfg.Events = events{}

	d := &delegate{serf: *serf, name: *name, statusTime: map[string]uint64{}, seenEvents: map[string]bool{}}
	if *tags != "" {
		b, err := serfTags(*tags)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		d.meta = b
	} else if *meta != "" {
		d.meta = []byte(*meta)
	}
	cfg.Delegate = d

	// Always give memberlist a keyring, so stdin "key install" works on a node started without -key.
	ring, _ := memberlist.NewKeyring(nil, nil)
	cfg.Keyring = ring
	if *key != "" {
		k, err := base64.StdEncoding.DecodeString(*key)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bad -key:", err)
			os.Exit(2)
		}
		cfg.SecretKey = k
	}
	if *noCompress {
		cfg.EnableCompression = false
	}
	if *serf {
		cfg.DelegateProtocolMin = 2
		cfg.DelegateProtocolMax = 5
		cfg.DelegateProtocolVersion = 5
		// Serf's own clocks start at 1 (serf.Create increments them once).
		d.memberClock.Increment()
		d.eventClock.Increment()
	}

	ml, err := memberlist.Create(cfg)
	if err != nil {
		emit("error", map[string]interface{}{"op": "create", "err": err.Error()})
		os.Exit(1)
	}
	p := &peer{ml: ml, cfg: cfg, d: d}
	if *serf {
		d.queue = &memberlist.TransmitLimitedQueue{NumNodes: ml.NumMembers, RetransmitMult: cfg.RetransmitMult}
	}
	emit("started", map[string]interface{}{
		"node": cfg.Name, "addr": *bind, "port": *port, "serf": *serf,
		"vsn": vsnInts(cfg.BuildVsnArray()), "meta_hex": hex.EncodeToString(d.meta),
		"protocol_min": memberlist.ProtocolVersionMin, "protocol_max": memberlist.ProtocolVersionMax,
		"true_state": stateOffset != noOffset,
	})

	if *join != "" {
		peers := strings.Split(*join, ",")
		n, err := ml.Join(peers)
		f := map[string]interface{}{"peers": peers, "contacted": n}
		if err != nil {
			f["err"] = err.Error()
		}
		emit("joined", f)
	}
	if *serf {
		// Like Serf's Join: a join intent at the current member clock (after the join's push/pull fed it).
		if _, err := p.queueSerf(serfJoinType, &serfJoin{LTime: d.memberClock.Time(), Node: cfg.Name}); err != nil {
			emit("error", map[string]interface{}{"op": "join-intent", "err": err.Error()})
		}
	}

	sigCh := make(chan os.Signal, 1)
	signal.Notify(sigCh, syscall.SIGINT, syscall.SIGTERM)
	eof := make(chan struct{})
	go p.readCommands(eof)
	var deadline <-chan time.Time
	if *runFor > 0 {
		deadline = time.After(*runFor)
	}
	var tick <-chan time.Time
	if *every > 0 {
		t := time.NewTicker(*every)
		defer t.Stop()
		tick = t.C
	}
loop:
	for {
		select {
		case <-tick:
			p.snapshot()
		case s := <-sigCh:
			emit("signal", map[string]interface{}{"signal": s.String()})
			break loop
		case <-deadline:
			break loop
		case <-eof:
			eof = nil // a closed stdin ends the peer only after "leave" or with -exit-on-eof
			p.mu.Lock()
			left := p.left
			p.mu.Unlock()
			if left || *exitOnEOF {
				break loop
			}
		}
	}
	p.snapshot()
	if err := p.gracefulLeave(); err != nil {
		emit("error", map[string]interface{}{"op": "leave", "err": err.Error()})
	}
	_ = ml.Shutdown()
	emit("stopped", map[string]interface{}{"node": cfg.Name})
}
