namespace Ipenergy.Probe.Storage.History
{
    /// <summary>Receives the billing snapshots oldest first (the object is reused between calls).</summary>
    public interface IBillingVisitor
    {
        void Snapshot(BillingSnapshot snapshot);
    }
}
