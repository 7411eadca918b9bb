using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Config
{
    [TestClass]
    public class ConfigStoreTests
    {
        private static MemoryFlash NewFlash()
        {
            return new MemoryFlash(FlashPartitionNames.Config, 4096, 256, 2);
        }

        private static MeterConfig Small(double ctRated)
        {
            MeterConfig c = new MeterConfig(3);
            c.Channels[0].CtRatedAmps = ctRated;
            c.Channels[0].Rack = "R1";
            return c;
        }

        [TestMethod]
        public void BlankFlashGivesFactoryDefaultsAndSaysSo()
        {
            ConfigLoadResult r = new ConfigStore(NewFlash(), 18).Load();
            Assert.IsTrue(r.IsFactoryDefault, "factory expected");
            Assert.AreEqual(-1, r.Slot);
            Assert.AreEqual(ConfigSamples.Fingerprint(new MeterConfig(18)), ConfigSamples.Fingerprint(r.Config));
            Assert.Contains("no configuration saved", r.Message);
        }

        [TestMethod]
        public void SaveThenRebootLoadsTheSameConfiguration()
        {
            MemoryFlash flash = NewFlash();
            MeterConfig full = ConfigSamples.Full();
            ConfigStore store = new ConfigStore(flash, 18);
            store.Load();
            Assert.IsNull(store.Save(full));

            ConfigLoadResult r = new ConfigStore(flash, 18).Load();
            Assert.IsFalse(r.IsFactoryDefault, r.Message);
            Assert.AreEqual(0, r.Slot);
            Assert.AreEqual(1u, r.Sequence);
            Assert.AreEqual(ConfigSamples.Fingerprint(full), ConfigSamples.Fingerprint(r.Config));
            Assert.AreEqual("s3cret-write", r.Config.Snmp.WriteCommunity);
            Assert.AreEqual(-300, r.Config.History.UtcOffsetMinutes);
        }

        [TestMethod]
        public void SavesAlternateSlotsWithRisingSequence()
        {
            MemoryFlash flash = NewFlash();
            ConfigStore store = new ConfigStore(flash, 3);
            store.Load();
            for (int i = 1; i <= 5; i++)
            {
                Assert.IsNull(store.Save(Small(10 * i)));
                ConfigLoadResult r = new ConfigStore(flash, 3).Load();
                Assert.AreEqual((i - 1) % 2, r.Slot, "save " + i.ToString());
                Assert.AreEqual((uint)i, r.Sequence);
                Assert.AreEqual(10.0 * i, r.Config.Channels[0].CtRatedAmps);
            }

            Assert.AreEqual(3, flash.EraseCount(0));
            Assert.AreEqual(2, flash.EraseCount(1));
        }

        [TestMethod]
        public void InvalidConfigurationIsNotSaved()
        {
            MemoryFlash flash = NewFlash();
            ConfigStore store = new ConfigStore(flash, 3);
            store.Load();
            Assert.IsNull(store.Save(Small(100)));
            MeterConfig bad = Small(600);
            Assert.AreEqual("channels[0].ctRatedA: must be 5..500 A, got 600", store.Save(bad));
            Assert.AreEqual("channels: this e-Probe has 3 channels, got 18", store.Save(new MeterConfig(18)));
            Assert.AreEqual(100.0, new ConfigStore(flash, 3).Load().Config.Channels[0].CtRatedAmps);
            Assert.AreEqual(1, flash.EraseCount(0) + flash.EraseCount(1), "refused saves must not touch the flash");
        }

        [TestMethod]
        public void SaveWithoutLoadStillKeepsTheNewestSlot()
        {
            MemoryFlash flash = NewFlash();
            ConfigStore first = new ConfigStore(flash, 3);
            Assert.IsNull(first.Save(Small(20)));
            Assert.IsNull(first.Save(Small(30)));
            ConfigStore second = new ConfigStore(flash, 3);
            Assert.IsNull(second.Save(Small(40)));
            ConfigLoadResult r = new ConfigStore(flash, 3).Load();
            Assert.AreEqual(3u, r.Sequence);
            Assert.AreEqual(40.0, r.Config.Channels[0].CtRatedAmps);
        }

        /// <summary>
        /// The acceptance check: a power cut after every possible number of written bytes of a save
        /// (erase and program), with the target slot blank and with it holding an older record.
        /// After the reboot the old or the new configuration is in force, never garbage or defaults.
        /// </summary>
        [TestMethod]
        public void PowerCutAtEveryByteOfASaveKeepsOldOrNew()
        {
            CutEverywhere(1);
            CutEverywhere(2);
        }

        private static void CutEverywhere(int savesBefore)
        {
            MeterConfig oldConfig = ConfigSamples.Full();
            MeterConfig newConfig = ConfigSamples.Full();
            newConfig.Channels[17].Customer = "Initech";
            newConfig.Snmp.ReadCommunity = "rotated";
            string oldPrint = ConfigSamples.Fingerprint(oldConfig);
            string newPrint = ConfigSamples.Fingerprint(newConfig);

            int sawOld = 0;
            int sawNew = 0;
            for (int cut = 0; ; cut++)
            {
                MemoryFlash flash = NewFlash();
                ConfigStore store = new ConfigStore(flash, 18);
                store.Load();
                for (int i = 0; i < savesBefore; i++)
                {
                    Assert.IsNull(store.Save(oldConfig));
                }

                flash.CutAfterBytes = cut;
                bool completed = false;
                try
                {
                    Assert.IsNull(store.Save(newConfig));
                    completed = true;
                }
                catch (PowerCutException)
                {
                }

                flash.CutAfterBytes = -1;
                ConfigLoadResult r = new ConfigStore(flash, 18).Load();
                Assert.IsFalse(r.IsFactoryDefault, "cut after " + cut.ToString() + " bytes: " + r.Message);
                string print = ConfigSamples.Fingerprint(r.Config);
                if (print == oldPrint)
                {
                    Assert.IsFalse(completed, "a completed save must be in force (cut " + cut.ToString() + ")");
                    Assert.AreEqual(0, sawNew, "old config came back after the new one was in force (cut " + cut.ToString() + ")");
                    sawOld++;
                }
                else
                {
                    Assert.AreEqual(newPrint, print, "cut after " + cut.ToString() + " bytes");
                    sawNew++;
                }

                if (completed)
                {
                    // 4096 bytes erased + the record programmed: every offset was tried.
                    Assert.AreEqual(4096 + RecordLength(newConfig), cut, "bytes a save writes");
                    break;
                }
            }

            Assert.IsTrue(sawOld > 4096, "old config seen " + sawOld.ToString() + " times");
            Assert.AreEqual(1, sawNew, "only the completed save brings the new config");
        }

        [TestMethod]
        public void CorruptNewestSlotFallsBackToTheOther()
        {
            MemoryFlash flash = NewFlash();
            ConfigStore store = new ConfigStore(flash, 3);
            Assert.IsNull(store.Save(Small(20)));
            Assert.IsNull(store.Save(Small(30)));
            flash.Raw[4096 + ConfigLayout.HeaderSize + 20] ^= 0x01;   // a payload bit of slot 1 flips
            ConfigLoadResult r = new ConfigStore(flash, 3).Load();
            Assert.AreEqual(0, r.Slot);
            Assert.AreEqual(20.0, r.Config.Channels[0].CtRatedAmps);
        }

        [TestMethod]
        public void FactoryResetStoresDefaultsAndWipesTheOlderSlot()
        {
            MemoryFlash flash = NewFlash();
            ConfigStore store = new ConfigStore(flash, 18);
            Assert.IsNull(store.Save(ConfigSamples.Full()));
            Assert.IsNull(store.Save(ConfigSamples.Full()));
            Assert.IsNull(store.FactoryReset());
            ConfigLoadResult r = new ConfigStore(flash, 18).Load();
            Assert.IsFalse(r.IsFactoryDefault, "defaults are stored as a record");
            Assert.AreEqual(3u, r.Sequence);
            Assert.AreEqual(ConfigSamples.Fingerprint(new MeterConfig(18)), ConfigSamples.Fingerprint(r.Config));
            int other = r.Slot == 0 ? 4096 : 0;
            for (int i = 0; i < 4096; i++)
            {
                Assert.AreEqual((byte)0xFF, flash.Raw[other + i], "older slot not erased at " + i.ToString());
            }
        }

        [TestMethod]
        public void NewerIncompatibleLayoutKeepsDefaultsAndSaysSo()
        {
            MemoryFlash flash = NewFlash();
            ConfigStore store = new ConfigStore(flash, 3);
            Assert.IsNull(store.Save(Small(20)));
            Assert.IsNull(store.Save(Small(30)));
            // Slot 1 (the newest) now claims layout 7 that layout-6 readers cannot read.
            Rewrite(flash, 4096, 7, 7, 0);
            ConfigLoadResult r = new ConfigStore(flash, 3).Load();
            Assert.IsTrue(r.IsFactoryDefault, "defaults expected");
            Assert.Contains("layout version 7", r.Message);
            Assert.Contains("reads up to 6", r.Message);

            // A save goes to the other slot and wins; the newer record is left alone.
            ConfigStore again = new ConfigStore(flash, 3);
            again.Load();
            Assert.IsNull(again.Save(Small(40)));
            ConfigLoadResult after = new ConfigStore(flash, 3).Load();
            Assert.AreEqual(0, after.Slot);
            Assert.AreEqual(3u, after.Sequence);
            Assert.AreEqual(40.0, after.Config.Channels[0].CtRatedAmps);
        }

        [TestMethod]
        public void NewerCompatibleLayoutWithAppendedFieldsIsRead()
        {
            MemoryFlash flash = NewFlash();
            ConfigStore store = new ConfigStore(flash, 3);
            Assert.IsNull(store.Save(Small(25)));
            // Layout 6 that only appended 7 bytes and keeps MinReaderVersion 1.
            Rewrite(flash, 0, 6, 1, 7);
            ConfigLoadResult r = new ConfigStore(flash, 3).Load();
            Assert.IsFalse(r.IsFactoryDefault, r.Message);
            Assert.AreEqual(25.0, r.Config.Channels[0].CtRatedAmps);
            Assert.AreEqual("R1", r.Config.Channels[0].Rack);
        }

        [TestMethod]
        public void RecordForAnotherModelIsRefused()
        {
            MemoryFlash flash = NewFlash();
            Assert.IsNull(new ConfigStore(flash, 3).Save(Small(25)));
            ConfigLoadResult r = new ConfigStore(flash, 18).Load();
            Assert.IsTrue(r.IsFactoryDefault, "defaults expected");
            Assert.Contains("not a configuration for 18 channels", r.Message);
        }

        [TestMethod]
        public void ConfigurationTooLargeForTheSlotIsRefused()
        {
            MemoryFlash flash = new MemoryFlash(FlashPartitionNames.Config, 512, 256, 2);
            string error = new ConfigStore(flash, 18).Save(ConfigSamples.Full());
            Assert.IsNotNull(error);
            Assert.Contains("does not fit in a 512-byte slot", error);
            Assert.AreEqual(0, flash.EraseCount(0) + flash.EraseCount(1));
        }

        [TestMethod]
        public void SlotsSpanHalfThePartitionEach()
        {
            MemoryFlash flash = new MemoryFlash(FlashPartitionNames.Config, 1024, 256, 4);
            ConfigStore store = new ConfigStore(flash, 18);
            Assert.AreEqual(2048, store.SlotSize);
            Assert.IsNull(store.Save(ConfigSamples.Full()));
            Assert.IsNull(store.Save(ConfigSamples.Full()));
            Assert.AreEqual(1, flash.EraseCount(0));
            Assert.AreEqual(1, flash.EraseCount(1));
            Assert.AreEqual(1, flash.EraseCount(2));
            Assert.AreEqual(1, flash.EraseCount(3));
            Assert.AreEqual(1, new ConfigStore(flash, 18).Load().Slot);
        }

        private static int RecordLength(MeterConfig config)
        {
            return ConfigLayout.Encode(config, 1, new byte[8192], 0, 8192);
        }

        // Re-writes the record at slotStart with another version / min-reader version and extra
        // payload bytes, with a correct CRC (what a future firmware would have written).
        private static void Rewrite(MemoryFlash flash, int slotStart, int version, int minReader, int extra)
        {
            byte[] raw = flash.Raw;
            int length = raw[slotStart + 12] | (raw[slotStart + 13] << 8);
            byte[] record = new byte[ConfigLayout.HeaderSize + length + extra];
            for (int i = 0; i < ConfigLayout.HeaderSize + length; i++)
            {
                record[i] = raw[slotStart + i];
            }

            for (int i = 0; i < extra; i++)
            {
                record[ConfigLayout.HeaderSize + length + i] = (byte)(0xA0 + i);
            }

            record[4] = (byte)version;
            record[6] = (byte)minReader;
            int newLength = length + extra;
            record[12] = (byte)newLength;
            record[13] = (byte)(newLength >> 8);
            uint crc = ConfigLayout.RecordCrc(record, 0, newLength);
            record[16] = (byte)crc;
            record[17] = (byte)(crc >> 8);
            record[18] = (byte)(crc >> 16);
            record[19] = (byte)(crc >> 24);
            for (int i = 0; i < 4096; i++)
            {
                raw[slotStart + i] = i < record.Length ? record[i] : (byte)0xFF;
            }
        }
    }
}
