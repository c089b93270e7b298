namespace VssBot.Core.Conversations;

/// <summary>The store interfaces of Core a store class implements: what its registration exposes, exactly.</summary>
public static class StoreRegistration
{
    public static IEnumerable<Type> InterfacesOf(Type store) =>
        store.GetInterfaces().Where(i => i.Namespace?.StartsWith("VssBot.Core", StringComparison.Ordinal) == true);
}
