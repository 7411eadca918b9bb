namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// Settings: outside, it says Enter asks for the PIN; inside (the controller only enters after the PIN), a list of label / value rows (the selected one inverted,
    /// the edited value between angle brackets) and the result of the last change on the last line.
    /// </summary>
    public sealed class SettingsScreen : PanelScreen
    {
        private const int Right = 127;
        private readonly SettingsEditor _editor;

        public SettingsScreen(SettingsEditor editor)
        {
            _editor = editor;
        }

        public override int TitleId
        {
            get { return PanelText.Settings; }
        }

        public override bool Opens
        {
            get { return true; }
        }

        public override int ItemCount(PanelContext c)
        {
            return c.Config == null ? 1 : _editor.ItemCount(c.Config);
        }

        public override void Draw(FrameBuffer fb, PanelContext c, int item, bool inside)
        {
            if (!inside || c.Config == null)
            {
                c.Line.Clear().Append(c.Text(PanelText.PressEnterForPin));
                DrawLine(fb, 1, c.Line);
                return;
            }

            bool message = _editor.Message >= 0;
            int rows = message ? BodyLines - 1 : BodyLines;
            int first = item - rows + 1;
            if (first < 0)
            {
                first = 0;
            }

            for (int r = 0; r < rows && first + r < ItemCount(c); r++)
            {
                int at = first + r;
                Label(c, at);
                DrawLine(fb, r, c.Line);
                bool edited = _editor.Editing && at == item;
                int value = edited ? _editor.Value : SettingsEditor.Current(c.Config, at);
                c.Value.Clear();
                if (edited)
                {
                    c.Value.AppendChar((byte)'<');
                }

                AppendValue(c, at, value);
                if (edited)
                {
                    c.Value.AppendChar((byte)'>');
                }

                fb.DrawTextRight(Font.Small, Right, LineY(r), c.Value.Bytes, 0, c.Value.Length);
                if (at == item)
                {
                    Highlight(fb, r);
                }
            }

            if (message)
            {
                c.Line.Clear().Append(c.Text(_editor.Message));
                if (_editor.Message == PanelText.Refused && _editor.Refusal != null)
                {
                    c.Line.AppendChar((byte)' ').Append(_editor.Refusal);
                }

                DrawLine(fb, BodyLines - 1, c.Line);
            }
        }

        private static void Label(PanelContext c, int item)
        {
            TextLine line = c.Line.Clear();
            if (item == SettingsEditor.ItemBusAddress)
            {
                line.Append(c.Text(PanelText.BusAddress));
            }
            else if (item == SettingsEditor.ItemIpMode)
            {
                line.Append(c.Text(PanelText.IpMode));
            }
            else if (item == SettingsEditor.ItemContrast)
            {
                line.Append(c.Text(PanelText.Contrast));
            }
            else if (item == SettingsEditor.ItemBacklight)
            {
                line.Append(c.Text(PanelText.Backlight));
            }
            else if (item == SettingsEditor.ItemLanguage)
            {
                line.Append(c.Text(PanelText.Language));
            }
            else
            {
                line.Append(c.Text(PanelText.Ct)).AppendChar((byte)' ').AppendInt(item - SettingsEditor.FirstCt + 1);
            }
        }

        private static void AppendValue(PanelContext c, int item, int value)
        {
            TextLine v = c.Value;
            if (item == SettingsEditor.ItemIpMode)
            {
                v.Append(c.Text(value == 0 ? PanelText.Dhcp : PanelText.Static));
            }
            else if (item == SettingsEditor.ItemLanguage)
            {
                v.Append(PanelText.Get(PanelText.LanguageName, value));
            }
            else if (item == SettingsEditor.ItemBacklight)
            {
                if (value == 0)
                {
                    v.Append(c.Text(PanelText.AlwaysOn));
                }
                else
                {
                    v.AppendInt(value).Append(" s");
                }
            }
            else if (item >= SettingsEditor.FirstCt)
            {
                v.AppendInt(value).Append(" A");
            }
            else
            {
                v.AppendInt(value);
            }
        }
    }
}
