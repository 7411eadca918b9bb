namespace Ipenergy.Probe.Simulator
{
    /// <summary>The --help text.</summary>
    public static class Usage
    {
        public const string Text = """
hal-simulator: the virtual e-Probe (IPenergy MPP3/MPP18 firmware on the host, simulated HAL)

usage: hal-simulator [options]

  --model MPP3|MPP18       channels fitted (default MPP18, or the scenario's "model").
                           If both --model and the scenario's "model" are given they must agree.
                           --model MPP3 without --scenario plays the first 3 channels of the built-in room.
  --scenario FILE          scenario JSON (waveforms, ADC, events); default: the built-in data-centre room
                           (see --print-scenario). Unknown keys are rejected.
  --http-port N            HTTP page and JSON API (default 8080; 0 = any free port, the real one is printed)
  --modbus-port N          Modbus-TCP server, unit 1 (default 5020; 0 = any free port, the real one is printed)
  --snmp-port N            SNMP agent v1/v2c, UDP (default 1161; 0 = any free port, the real one is printed)
  --discovery-port N       UDP discovery responder, tools/discovery.md (default off; 0 = any free port,
                           the real one is printed; the device uses 30303)
  --discovery-bind ADDR    address of the discovery socket (default: the --bind address; a broadcast reaches
                           only 0.0.0.0 or the broadcast address itself, e.g. 127.255.255.255)
  --trap-target HOST:PORT[/v1|/v2c]  where SNMP traps go, repeatable, v2c unless /v1 (default none; added to
                           the configuration's snmp.trapTargets); coldStart is sent at start
  --bind ADDR              listen address (default 127.0.0.1)
  --data-dir DIR           the simulated flash, created if missing (default: a fresh temp dir, removed at exit)
  --time-scale X           simulated time runs X times faster than the wall clock (default 1)
  --standard-ports         80 / 502 / 161 as on the device; an explicit --*-port still wins
  --sample-rate HZ         ADC frames per second (default 3200: 64 samples per cycle at 50 Hz)
  --front-end adc|atm90e32 what meters (default adc): adc = the firmware samples the ADC and computes everything;
                           atm90e32 = simulated ATM90E32 metering ICs over SPI, one per 3 channels (1 on an MPP3,
                           6 on an MPP18), measure from the same waveforms and the firmware reads their registers
  --ntp-server HOST[:PORT] SNTP server for the device clock, repeatable (default none: the clock runs unsynchronized)
  --clock-start ISO8601    start the device clock at this UTC time instead of now (to test SNTP)
  --serial TEXT            the device's serial number (default: VP<channels>-<6 hex digits> derived from --data-dir,
                           so a probe keeps its serial across restarts)
  --bus HOST:PORT          join the simulated RS-485 bus of a hub (see --bus-hub) as a node named by --serial
  --bus-address N          Modbus-RTU slave address 1..247 (default: unaddressed, waits for automatic addressing)
  --bus-role slave|gateway slave answers on the bus, gateway polls the slaves (default: slave when --bus-address
                           is given, else gateway; a gateway has no --bus-address)
  --bus-baud N             9600, 19200, 38400, 57600 or 115200 (default 115200); with --bus or --bus-hub
  --bus-parity E|N         8E1 or 8N1 (default E); with --bus or --bus-hub
  --bus-hub PORT           run the bus hub instead of a probe: nodes join PORT (0 = any free port, printed)
  --bus-raw-port N         the hub's unframed port for a socat pty bridge (default PORT+1; 0 = any free port)
  --bus-control-port N     the hub's fault-injection control port, one command a line (default PORT+2)
  --panel                  show the front panel (128 x 64 LCD) in this terminal and read its buttons from the
                           keyboard: arrows or k/j = up/down, Enter = enter, Backspace/Esc = back, l then a key =
                           long press; needs 130 x 38 characters. The service lines go to --log FILE, else stderr
  --panel-png DIR          keep DIR/panel.png (4x scale) up to date with the display (also: GET /api/v1/panel)
  --no-panel               a probe without front panel (GET /api/v1/panel answers 404)
  --log FILE               service lines and firmware messages to FILE (appended) instead of stdout
  --print-scenario         print the scenario in force as JSON and exit
  --help, -h               this text

Options take "--name value" or "--name=value". On start one line per service is printed with its URL.
SIGINT/SIGTERM stop it cleanly (exit 0). A bad option, value or scenario prints one line "error: ..." on
stderr and exits 2; a failure to start a service exits 1.

Environment: EPROBE_ADMIN_PASSWORD sets the HTTP admin password (user "admin", default "admin"; needed for
PUT /api/v1/config); EPROBE_FLASH_WRITE_DELAY_US slows each 16-byte flash write (power-cut tests).
The configuration stored in --data-dir wins over the scenario's CTs and phases once one has been PUT.

Scenario defaults: frequencyHz 50; adc bits 12, noiseRmsLsb 0, seed 1; a phase not listed is 230 V at
0/-120/+120 degrees; a channel not listed carries no current (100 A CT); a channel without "phase" follows the
terminal-block wiring L1, L2, L3, L1, ...; ctRatedA 100, irms 0, angles 0, CT errors 0.
""";
    }
}
