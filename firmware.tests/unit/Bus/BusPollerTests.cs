using Ipenergy.Probe.Bus;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Bus
{
    /// <summary>The gateway's poll cycle on the virtual bus: cache images, offline after 3 misses and back, bounded cycles.</summary>
    [TestClass]
    public class BusPollerTests
    {
        private static RegisterRange[] Ranges()
        {
            return new RegisterRange[] { new RegisterRange(true, 0, 125), new RegisterRange(false, 200, 64) };
        }

        private static BusPoller Gateway(VirtualBus bus, SimulatedModule[] modules, RecordingBusListener listener)
        {
            RtuMaster master = new RtuMaster(bus.AddPort(115200), bus);
            BusPoller poller = new BusPoller(master, new ModuleCache(Ranges()), bus, listener);
            int[] addresses = new int[modules.Length];
            for (int i = 0; i < modules.Length; i++)
            {
                bus.AddNode(modules[i]);
                addresses[i] = modules[i].Address;
            }

            poller.SetAddresses(addresses);
            return poller;
        }

        private static SimulatedModule[] Modules(int count)
        {
            SimulatedModule[] modules = new SimulatedModule[count];
            for (int i = 0; i < count; i++)
            {
                modules[i] = new SimulatedModule(i + 1, 115200, 1000 * (i + 1));
                modules[i].ReplyDelayUs = 1750;
            }

            return modules;
        }

        [TestMethod]
        public void CacheHoldsEachModulesImage()
        {
            VirtualBus bus = new VirtualBus();
            RecordingBusListener listener = new RecordingBusListener();
            BusPoller poller = Gateway(bus, Modules(3), listener);
            poller.PollCycle();
            Assert.AreEqual("+1 +2 +3", listener.Events, "all came online");
            ModuleCache cache = poller.Cache;
            byte[] image = new byte[cache.ImageBytes];
            long captured = cache.CopyImage(2, image, 0);
            Assert.IsTrue(captured > 0 && captured <= bus.NowUs, "capture time " + captured.ToString());
            Assert.AreEqual(2000, (image[0] << 8) | image[1], "holding 0 of module 2");
            Assert.AreEqual(2124, (image[248] << 8) | image[249], "holding 124");
            Assert.AreEqual(2200, (image[250] << 8) | image[251], "input 200 right after");
            byte[] regs = new byte[4];
            Assert.AreEqual(ModuleCache.Ok, cache.ReadRegisters(3, false, 210, 2, regs, 0), "input 210..211 of 3");
            Assert.AreEqual(3210, (regs[0] << 8) | regs[1], "input 210");
            Assert.AreEqual(ModuleCache.NotCached, cache.ReadRegisters(3, true, 120, 10, regs, 0), "beyond the range");
            Assert.AreEqual(ModuleCache.NoImage, cache.ReadRegisters(9, true, 0, 1, regs, 0), "unknown module");
        }

        [TestMethod]
        public void SilentModuleGoesOfflineAfterThreeMissesAndComesBack()
        {
            VirtualBus bus = new VirtualBus();
            RecordingBusListener listener = new RecordingBusListener();
            SimulatedModule[] modules = Modules(3);
            BusPoller poller = Gateway(bus, modules, listener);
            poller.PollCycle();
            modules[1].Unplugged = true;
            long capturedBefore = poller.Cache.CapturedUs(2);
            poller.PollCycle();
            poller.PollCycle();
            Assert.IsTrue(poller.Cache.IsOnline(2), "two misses: still online");
            modules[0].SetBase(5000);
            poller.PollCycle();
            Assert.IsFalse(poller.Cache.IsOnline(2), "three misses: offline");
            Assert.AreEqual("+1 +2 +3 -2", listener.Events, "one offline event");
            Assert.AreEqual(capturedBefore, poller.Cache.CapturedUs(2), "the last good image is kept");
            byte[] regs = new byte[2];
            poller.Cache.ReadRegisters(1, true, 0, 1, regs, 0);
            Assert.AreEqual(5000, (regs[0] << 8) | regs[1], "the others keep updating");
            poller.PollCycle();
            Assert.AreEqual("+1 +2 +3 -2", listener.Events, "no repeated event");
            modules[1].Unplugged = false;
            poller.PollCycle();
            Assert.IsTrue(poller.Cache.IsOnline(2), "back");
            Assert.AreEqual("+1 +2 +3 -2 +2", listener.Events, "online again");
            Assert.AreEqual(4, poller.Cache.MissedPollsOf(2), "misses counted");
            Assert.AreEqual(8, poller.Master.TimeoutsOf(2), "4 polls x (1 + 1 retry) timeouts");
        }

        [TestMethod]
        public void GarbageModuleDoesNotStallTheCycle()
        {
            VirtualBus bus = new VirtualBus();
            SimulatedModule[] modules = Modules(3);
            modules[0].AnswersGarbage = true;
            BusPoller poller = Gateway(bus, modules, new RecordingBusListener());
            poller.PollCycle();
            long healthy = 2 * 45600;
            long bound = healthy + 2 * 101000 + 10000;
            Assert.IsTrue(poller.LastCycleUs < bound, "cycle " + poller.LastCycleUs.ToString() + " us, bound " + bound.ToString());
            Assert.IsTrue(poller.Cache.IsOnline(2) && poller.Cache.IsOnline(3), "the others are read");
            Assert.IsTrue(poller.Master.CrcErrorsOf(1) > 0, "garbage counted against module 1");
        }

        [TestMethod]
        public void ConfiguredModuleThatNeverAnswersIsReportedOffline()
        {
            VirtualBus bus = new VirtualBus();
            RecordingBusListener listener = new RecordingBusListener();
            SimulatedModule[] modules = Modules(1);
            modules[0].Unplugged = true;
            BusPoller poller = Gateway(bus, modules, listener);
            for (int i = 0; i < 5; i++)
            {
                poller.PollCycle();
            }

            Assert.AreEqual("-1", listener.Events, "offline once after 3 polls");
        }

        [TestMethod]
        public void CycleTimeFor1And8And31SlavesMatchesTheFrameSizes()
        {
            int[] counts = new int[] { 1, 8, 31 };
            for (int c = 0; c < counts.Length; c++)
            {
                VirtualBus bus = new VirtualBus();
                BusPoller poller = Gateway(bus, Modules(counts[c]), new RecordingBusListener());
                poller.PollCycle();
                poller.PollCycle();
                // Per module: two requests of 8 bytes, answers of 5 + 250 and 5 + 128 bytes, and before
                // each frame a t3.5 turnaround (master 1750 us, module 1750 us). Simulated byte times are whole
                // microseconds, hence a few us of rounding per module.
                long perModule = 4 * 1750 + RtuTiming.FrameMicroseconds(8 + 255 + 8 + 133, 115200);
                long expected = perModule * counts[c];
                long measured = poller.LastCycleUs;
                long difference = measured > expected ? measured - expected : expected - measured;
                Assert.IsTrue(difference <= 5 * counts[c], counts[c].ToString() + " slaves: measured " + measured.ToString() + " us, computed " + expected.ToString() + " us");
                Assert.IsTrue(poller.Cache.IsOnline(counts[c]), "last module online");
            }
        }
    }
}
