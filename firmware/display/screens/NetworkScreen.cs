using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Display
{
    /// <summary>Network: IP address and MAC in use, link, DHCP or static, the bus role and address.</summary>
    public sealed class NetworkScreen : PanelScreen
    {
        private const int Right = 127;
        private static readonly byte[] IpLabel = PanelText.Latin1("IP");
        private static readonly byte[] MacLabel = PanelText.Latin1("MAC");

        public override int TitleId
        {
            get { return PanelText.Network; }
        }

        public override void Draw(FrameBuffer fb, PanelContext c, int item, bool inside)
        {
            TextLine v = c.Value;
            bool up = c.Network != null && c.Network.Up;
            v.Clear().Append(c.Network == null ? "0.0.0.0" : c.Network.Address);
            DrawField(fb, 0, IpLabel, v, Right);
            v.Clear().Append(c.Network == null ? "--" : c.Network.MacAddress);
            DrawField(fb, 1, MacLabel, v, Right);
            v.Clear().Append(c.Text(up ? PanelText.LinkUp : PanelText.LinkDown));
            DrawField(fb, 2, c.Text(PanelText.Link), v, Right);
            bool dhcp = c.Config == null || c.Config.Network.Dhcp;
            v.Clear().Append(c.Text(dhcp ? PanelText.Dhcp : PanelText.Static));
            DrawField(fb, 3, c.Text(PanelText.IpMode), v, Right);
            if (c.Config == null)
            {
                return;
            }

            BusConfig bus = c.Config.Bus;
            v.Clear().Append(c.Text(bus.Role == BusRoles.Gateway ? PanelText.Gateway
                : (bus.Role == BusRoles.Slave ? PanelText.Slave : PanelText.Standalone)));
            DrawField(fb, 4, c.Text(PanelText.Bus), v, Right);
            v.Clear().AppendInt(bus.Address);
            DrawField(fb, 5, c.Text(PanelText.Address), v, Right);
        }
    }
}
