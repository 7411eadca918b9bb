using System;
using Ipenergy.Probe.Storage;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Storage
{
    [TestClass]
    public class EnergyStoreTests
    {
        private const int Channels = 18;

        [TestMethod]
        public void Mpp18RecordSizes()
        {
            EnergyStore store = new EnergyStore(NewFlash(), Channels);
            Assert.AreEqual(596, EnergyStore.PayloadLength(Channels));
            Assert.AreEqual(612, store.RecordBytes);
            Assert.AreEqual(768, store.Log.SlotSize);
            Assert.AreEqual(5, store.Log.SlotsPerSector);
        }

        [TestMethod]
        public void NothingSavedReadsZero()
        {
            EnergyStore store = new EnergyStore(NewFlash(), Channels);
            store.Open();
            Assert.IsFalse(store.HasSaved);
            Assert.AreEqual(0L, store.SavedMilliUnits[5]);
        }

        [TestMethod]
        public void SavedCountersAndTimeComeBackAfterReboot()
        {
            MemoryFlash flash = NewFlash();
            EnergyStore store = new EnergyStore(flash, Channels);
            store.Open();
            DateTime utc = new DateTime(2026, 3, 1, 12, 0, 0);
            store.Save(Counters(1), 60000, utc, EnergyStore.ReasonPeriodic);
            store.Save(Counters(2), 120000, utc.AddMinutes(1), EnergyStore.ReasonShutdown);

            EnergyStore again = new EnergyStore(flash, Channels);
            again.Open();
            Assert.IsTrue(again.HasSaved);
            Assert.AreEqual(Channels, again.SavedChannels);
            Assert.AreEqual(120000L, again.SavedUptimeMilliseconds);
            Assert.AreEqual(utc.AddMinutes(1).Ticks, again.SavedUtcTicks);
            Assert.AreEqual(EnergyStore.ReasonShutdown, again.SavedReason);
            Assert.AreEqual(2u, again.SavedSequence);
            long[] expected = Counters(2);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], again.SavedMilliUnits[i], "register " + i.ToString());
            }
        }

        [TestMethod]
        public void PowerCutDuringASaveRestoresTheOldOrTheNewCountersNeverAMix()
        {
            MemoryFlash flash = NewFlash();
            EnergyStore store = new EnergyStore(flash, Channels);
            store.Open();
            int save = 0;
            for (int cut = 0; cut < 700; cut += 7)
            {
                // Every fifth save crosses into a new sector (erase), so cuts also land in erases.
                store.Save(Counters(++save), save * 60000L, new DateTime(2026, 1, 1), EnergyStore.ReasonPeriodic);
                flash.CutAfterBytes = cut;
                try
                {
                    store.Save(Counters(save + 1), (save + 1) * 60000L, new DateTime(2026, 1, 1), EnergyStore.ReasonPeriodic);
                    flash.CutAfterBytes = -1;
                    save++;
                }
                catch (PowerCutException)
                {
                }

                store = new EnergyStore(flash, Channels);
                store.Open();
                long[] expected = Counters(save);
                for (int i = 0; i < expected.Length; i++)
                {
                    Assert.AreEqual(expected[i], store.SavedMilliUnits[i], "cut after " + cut.ToString() + " bytes: register " + i.ToString());
                }

                Assert.AreEqual(save * 60000L, store.SavedUptimeMilliseconds);
            }
        }

        [TestMethod]
        public void RecordOfAnotherModelRestoresTheChannelsItHolds()
        {
            MemoryFlash flash = NewFlash();
            EnergyStore mpp3 = new EnergyStore(flash, 3);
            mpp3.Open();
            long[] three = new long[12];
            for (int i = 0; i < three.Length; i++)
            {
                three[i] = 1000 + i;
            }

            mpp3.Save(three, 1000, new DateTime(2026, 1, 1), EnergyStore.ReasonPeriodic);
            EnergyStore mpp18 = new EnergyStore(flash, Channels);
            mpp18.Open();
            Assert.IsTrue(mpp18.HasSaved);
            Assert.AreEqual(3, mpp18.SavedChannels);
            Assert.AreEqual(1011L, mpp18.SavedMilliUnits[11]);
            Assert.AreEqual(0L, mpp18.SavedMilliUnits[12]);
        }

        [TestMethod]
        public void BackgroundSaverWritesTheNewestOfferBeforeItStops()
        {
            MemoryFlash flash = NewFlash();
            EnergyStore store = new EnergyStore(flash, Channels);
            store.Open();
            BackgroundEnergySaver saver = new BackgroundEnergySaver(store);
            saver.Start();
            for (int n = 1; n <= 20; n++)
            {
                saver.Offer(Counters(n), n * 1000L, new DateTime(2026, 1, 1));
            }

            saver.Stop();
            Assert.IsTrue(saver.Saves >= 1 && saver.Saves <= 20, "saves: " + saver.Saves.ToString());
            Assert.AreEqual(0, saver.Failures);
            EnergyStore again = new EnergyStore(flash, Channels);
            again.Open();
            Assert.AreEqual(20000L, again.SavedUptimeMilliseconds);
            Assert.AreEqual(Counters(20)[71], again.SavedMilliUnits[71]);
        }

        private static MemoryFlash NewFlash()
        {
            return new MemoryFlash("energy", 4096, 256, 32);
        }

        /// <summary>Distinct registers per save, with large values (decades of a 500 A channel) to cover all 8 bytes.</summary>
        private static long[] Counters(int save)
        {
            long[] c = new long[Channels * EnergyStore.RegistersPerChannel];
            for (int i = 0; i < c.Length; i++)
            {
                c[i] = 3000000000000L * (i + 1) + save * 1000L + i;
            }

            return c;
        }
    }
}
