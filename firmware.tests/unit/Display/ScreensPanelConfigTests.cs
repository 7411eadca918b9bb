using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Display
{
    /// <summary>The "panel" configuration section: defaults, JSON, the PIN as a salted hash, ranges, operators.</summary>
    [TestClass]
    public class ScreensPanelConfigTests
    {
        private static string Import(string json, MeterConfig current, out MeterConfig result)
        {
            byte[] bytes = AsciiBytes.From(json);
            return new ConfigJsonImporter().Import(bytes, 0, bytes.Length, current, out result);
        }

        [TestMethod]
        public void DefaultsAreEnglishMidContrastFiveMinutesAndPin0000()
        {
            PanelConfig p = new MeterConfig(3).Panel;
            Assert.AreEqual(PanelConfig.LanguageEnglish, p.Language);
            Assert.AreEqual(32, p.Contrast);
            Assert.AreEqual(300, p.BacklightTimeoutS);
            Assert.IsTrue(PanelPinHash.Matches(p.PinHash, AsciiBytes.From("0000"), 4));
            Assert.IsFalse(PanelPinHash.Matches(p.PinHash, AsciiBytes.From("0001"), 4));
            Assert.IsTrue(p.PinHash.IndexOf("0000") < 0, "not in clear");
        }

        [TestMethod]
        public void PinIsStoredSaltedAndNeverExported()
        {
            MeterConfig result;
            Assert.IsNull(Import("{\"panel\":{\"pin\":\"4711\",\"language\":\"fr\",\"contrast\":40,\"backlightTimeoutS\":0}}", new MeterConfig(3), out result));
            Assert.IsTrue(PanelPinHash.Matches(result.Panel.PinHash, AsciiBytes.From("4711"), 4));
            Assert.IsFalse(PanelPinHash.Matches(result.Panel.PinHash, AsciiBytes.From("0000"), 4));
            Assert.AreEqual(PanelConfig.LanguageFrench, result.Panel.Language);
            string text = Config.ConfigSamples.ExportText(result);
            Assert.Contains(",\"panel\":{\"language\":\"fr\",\"contrast\":40,\"backlightTimeoutS\":0,\"pinHash\":\"***\"}", text);
            Assert.IsTrue(text.IndexOf(result.Panel.PinHash.Substring(17)) < 0, "hash not exported");

            // Importing the export back keeps the PIN (the mask means "unchanged").
            MeterConfig again;
            Assert.IsNull(Import(text, result, out again));
            Assert.AreEqual(result.Panel.PinHash, again.Panel.PinHash);

            // The same PIN set again on another device state gets another salt.
            MeterConfig other;
            Assert.IsNull(Import("{\"panel\":{\"pin\":\"4711\"}}", again, out other));
            Assert.IsFalse(other.Panel.PinHash == again.Panel.PinHash, "new salt");
        }

        [TestMethod]
        public void RangesAreChecked()
        {
            MeterConfig result;
            Assert.AreEqual("panel.contrast: must be 0..63, got 64", Import("{\"panel\":{\"contrast\":64}}", new MeterConfig(3), out result));
            Assert.IsNotNull(Import("{\"panel\":{\"backlightTimeoutS\":3601}}", new MeterConfig(3), out result));
            Assert.AreEqual("panel.language: must be \"en\" or \"fr\", got \"de\"", Import("{\"panel\":{\"language\":\"de\"}}", new MeterConfig(3), out result));
            Assert.AreEqual("panel.pin: must be 4 digits", Import("{\"panel\":{\"pin\":\"12a4\"}}", new MeterConfig(3), out result));
            Assert.IsNotNull(Import("{\"panel\":{\"pinHash\":\"0000\"}}", new MeterConfig(3), out result));
        }

        [TestMethod]
        public void OperatorsMayNotChangeThePanel()
        {
            MeterConfig current = new MeterConfig(3);
            MeterConfig next = current.Clone();
            next.Panel.Contrast = 10;
            Assert.AreEqual("panel", ConfigLabelChanges.FirstOtherChange(current, next));
        }

        [TestMethod]
        public void PanelSurvivesTheFlashLayout()
        {
            MeterConfig c = new MeterConfig(3);
            c.Panel.Language = PanelConfig.LanguageFrench;
            c.Panel.Contrast = 5;
            c.Panel.BacklightTimeoutS = 3600;
            c.Panel.PinHash = PanelPinHash.Derive("9876", c.Panel.PinHash);
            byte[] buffer = new byte[8192];
            int length = ConfigLayout.Encode(c, 1, buffer, 0, buffer.Length);
            MeterConfig back = ConfigLayout.DecodePayload(buffer, ConfigLayout.HeaderSize, length - ConfigLayout.HeaderSize, ConfigLayout.CurrentVersion, 3);
            Assert.AreEqual(PanelConfig.LanguageFrench, back.Panel.Language);
            Assert.AreEqual(5, back.Panel.Contrast);
            Assert.AreEqual(3600, back.Panel.BacklightTimeoutS);
            Assert.AreEqual(c.Panel.PinHash, back.Panel.PinHash);

            // A layout-5 record (no panel section) loads the factory panel.
            MeterConfig old = ConfigLayout.DecodePayload(buffer, ConfigLayout.HeaderSize, length - ConfigLayout.HeaderSize - 86, 5, 3);
            Assert.AreEqual(PanelPinHash.Default, old.Panel.PinHash);
            Assert.AreEqual(PanelConfig.LanguageEnglish, old.Panel.Language);
        }
    }
}
